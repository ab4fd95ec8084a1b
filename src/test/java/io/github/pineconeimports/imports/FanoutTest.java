package io.github.pineconeimports.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.pineconeimports.client.Deadline;
import io.github.pineconeimports.failure.ListingTooLargeException;

/** Several indexes' walks: concurrent up to the bound, consumed in order, under the caller's one deadline. */
class FanoutTest {

    final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void atMostTheBoundRunAtOnceAndTheyDoRunTogether() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Object gate = new Object();
        List<Integer> consumed = new ArrayList<>();
        try (Fanout fanout = new Fanout(pool, 4, 0, 9, new AtomicBoolean(), i -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            // a walk waits (on a condition, bounded) until four run together, so a fan-out of one would be caught
            synchronized (gate) {
                gate.notifyAll();
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (most.get() < 4 && i < 4 && System.nanoTime() < until) {
                    try {
                        gate.wait(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            inFlight.decrementAndGet();
            return segment(i);
        })) {
            for (int i = 0; i < 9; i++) {
                consumed.add(fanout.get(i).matches().size());
            }
        }
        assertEquals(4, most.get(), "four walks at once, never more");
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8), consumed, "consumed in index order");
    }

    @Test
    void walksRunUnderTheCallersDeadline() {
        Duration budget = Duration.ofSeconds(30);
        List<Duration> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        Deadline.within(budget, () -> {
            try (Fanout fanout = new Fanout(pool, 2, 0, 3, new AtomicBoolean(), i -> {
                seen.add(Deadline.remaining());
                return segment(i);
            })) {
                for (int i = 0; i < 3; i++) {
                    fanout.get(i);
                }
            }
            return null;
        });
        assertEquals(3, seen.size());
        assertTrue(seen.stream().allMatch(left -> left.compareTo(budget) <= 0
                && left.compareTo(Duration.ofSeconds(20)) > 0), seen.toString());
    }

    @Test
    void aFailedWalkFailsTheListingAndTheRestAreToldToStop() {
        AtomicBoolean unneeded = new AtomicBoolean();
        ListingTooLargeException failure = new ListingTooLargeException("all", null, "index 1 failed");
        assertThrows(ListingTooLargeException.class, () -> {
            try (Fanout fanout = new Fanout(pool, 3, 0, 3, unneeded, i -> {
                if (i == 1) {
                    throw failure;
                }
                return segment(i);
            })) {
                fanout.get(0);
                fanout.get(1);
            }
        });
        assertTrue(unneeded.get());
    }

    /** A segment that says which walk made it: i matches. */
    private static IndexWalk.Segment segment(int i) {
        List<IndexWalk.Match> matches = new ArrayList<>();
        for (int m = 0; m < i; m++) {
            matches.add(new IndexWalk.Match(null, IndexWalk.Position.START, new Tally()));
        }
        return new IndexWalk.Segment(matches, null, new Tally(), new Tally());
    }
}
