package io.github.pineconeimports.cli;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The time a watch reads and waits on: the system's. CliTest gives the watch a clock that passes time without waiting,
 * so that a watch of many polls takes no more seconds than it computes; CliNativeIT runs the same watches on this one.
 */
@ApplicationScoped
class WatchClock {

    Instant now() {
        return Instant.now();
    }

    void pause(Duration time) throws InterruptedException {
        Thread.sleep(time.toMillis());
    }
}
