package io.github.pineconeimports.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** {@code pinecone-emulator.step-per-listing}: time moves one step per listing started, and only then. */
class ListingClockTest {

    static final Instant START = Instant.parse("2026-11-29T12:00:00Z");
    static final Duration STEP = Duration.ofMinutes(4);

    @Test
    void eachListingSeesOneStepOfProgress() {
        ListingClock clock = (ListingClock) EmulatorStore.clock(null, START, STEP);
        EmulatorStore store = new EmulatorStore(clock, Duration.ofMinutes(1), 150, 42);
        String id = store.start("s3://acme/batch/");
        assertEquals(START.toString(), store.describe(id).orElseThrow().get("createdAt"),
                "the clock stands still between listings");

        assertEquals("InProgress", secondPageStatus(store, id));
        assertEquals(START.plus(STEP), clock.instant());
        assertEquals("InProgress", secondPageStatus(store, id));
        assertEquals(START.plus(STEP.multipliedBy(2)), clock.instant(), "one step per listing, not per page");
        assertEquals("Completed", secondPageStatus(store, id), "12 minutes on: past the 11 ticks an import takes");
    }

    /** A whole listing, first page then second; the import (the 151st) is on the second. */
    private static String secondPageStatus(EmulatorStore store, String id) {
        store.list(0, 100);
        return store.list(100, 100).data().stream().filter(i -> id.equals(i.get("id")))
                .map(i -> (String) i.get("status"))
                .findFirst().orElseThrow();
    }
}
