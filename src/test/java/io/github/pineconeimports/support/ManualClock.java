package io.github.pineconeimports.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * A clock that moves only when told: by hand ({@link #advance}), or by a fixed step each time it is read
 * ({@link #stepping}), so what the emulator shows depends on what a test did, never on how fast the machine is.
 * As a CDI alternative it replaces the emulator's clock in the test profiles that enable it ({@link Profile}).
 */
@Alternative
@Singleton
public class ManualClock extends Clock {

    private final AtomicReference<Instant> now;
    private final Duration step;

    public ManualClock() {
        this(Instant.parse("2026-11-22T12:00:00Z"), Duration.ZERO);
    }

    private ManualClock(Instant start, Duration step) {
        this.now = new AtomicReference<>(start);
        this.step = step;
    }

    /** A clock that starts at {@code start} and moves {@code step} after every reading. */
    public static ManualClock stepping(Instant start, Duration step) {
        return new ManualClock(start, step);
    }

    /** Moves the clock to {@code to}: a suite whose commands read the wall clock starts each test level with it. */
    public void set(Instant to) {
        now.set(to);
    }

    public void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }

    /** The test profile in which the in-application emulator runs on this clock. */
    public static class Profile implements io.quarkus.test.junit.QuarkusTestProfile {
        @Override
        public java.util.Set<Class<?>> getEnabledAlternatives() {
            return java.util.Set.of(ManualClock.class);
        }
    }

    @Override
    public Instant instant() {
        return now.getAndUpdate(t -> t.plus(step));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
