package io.github.pineconeimports.client;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/** The application's time (the emulator's, the scan's): the system's, unless a test puts a clock in its place. */
@Singleton
public class SystemClock {

    @Produces
    @DefaultBean
    @Singleton
    static Clock systemClock() {
        return Clock.systemUTC();
    }
}
