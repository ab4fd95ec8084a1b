package io.github.pineconeimports.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The emulator's clock for demos and tests of pollers ({@code pinecone-emulator.step-per-listing}): it stands
 * still, and moves one step each time a listing starts (a first page is asked for, a retried first page too).
 * Every poll of a waiter then sees one step of progress, however long it slept between polls and however fast the
 * machine is.
 */
public final class ListingClock extends Clock {

    private final AtomicReference<Instant> now;
    private final Duration step;

    public ListingClock(Instant start, Duration step) {
        this.now = new AtomicReference<>(start);
        this.step = step;
    }

    /** Another clock that reads the same time now and steps on its own (one per index of an emulated project). */
    ListingClock fork() {
        return new ListingClock(instant(), step);
    }

    /** A listing starts: time moves on by one step. */
    void listingStarted() {
        now.updateAndGet(t -> t.plus(step));
    }

    @Override
    public Instant instant() {
        return now.get();
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
