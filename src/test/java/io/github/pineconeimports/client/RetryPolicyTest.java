package io.github.pineconeimports.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.github.pineconeimports.failure.PineconeConfigException;
import io.github.pineconeimports.failure.PineconeException;

/** The retry loop, without Quarkus: how many attempts, which failures, how long it waits, and its settings. */
class RetryPolicyTest {

    private final AtomicInteger calls = new AtomicInteger();

    private String failing(PineconeException failure) {
        calls.incrementAndGet();
        throw failure;
    }

    @Test
    void aTransientFailureIsTriedAgainAsOftenAsTheSettingSays() {
        PineconeException unavailable = PineconeException.answered(503, null, "Service Unavailable", null);
        for (int retries : new int[] { 0, 1, 4 }) {
            calls.set(0);
            PineconeException thrown = assertThrows(PineconeException.class,
                    () -> new RetryPolicy(retries, Duration.ZERO).call(() -> failing(unavailable)));
            assertSame(unavailable, thrown, "the last failure, as it was");
            assertEquals(retries + 1, calls.get(), retries + " retries");
        }
        calls.set(0);
        assertEquals("ok", new RetryPolicy(4, Duration.ZERO).call(() -> calls.incrementAndGet() < 3
                ? failing(PineconeException.unreachable("reset")) : "ok"));
        assertEquals(3, calls.get(), "two failures, then the answer");
    }

    @Test
    void aRefusalIsNeverTriedAgain() {
        for (int status : new int[] { 400, 401, 403, 404 }) {
            calls.set(0);
            assertThrows(PineconeException.class, () -> new RetryPolicy(4, Duration.ZERO)
                    .call(() -> failing(PineconeException.answered(status, null, "no", null))));
            assertEquals(1, calls.get(), "status " + status);
        }
    }

    @Test
    void noRetryOnceTheDeadlineHasPassed() {
        PineconeException unavailable = PineconeException.answered(503, null, "Service Unavailable", null);
        assertThrows(PineconeException.class, () -> Deadline.within(Duration.ofNanos(1),
                () -> new RetryPolicy(4, Duration.ZERO).call(() -> failing(unavailable))));
        assertEquals(1, calls.get());
    }

    @Test
    void theWaitIsBoundedByTheBackoffOrSetByRetryAfter() {
        RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(250));
        PineconeException unavailable = PineconeException.answered(503, null, "Service Unavailable", null);
        for (int attempt = 0; attempt < 8; attempt++) {
            long bound = Math.min(RetryPolicy.MAX_BACKOFF_MS, 250L << attempt);
            long longest = 0;
            for (int i = 0; i < 200; i++) {
                long wait = policy.delayMs(attempt, unavailable);
                assertTrue(wait >= 0 && wait <= bound, "attempt " + attempt + " waited " + wait + " of " + bound);
                longest = Math.max(longest, wait);
            }
            // full jitter spreads the waits over the whole bound (200 draws all below half of it: 2^-200)
            assertTrue(longest > bound / 2,
                    "attempt " + attempt + ": the longest of 200 waits was " + longest + " of " + bound);
        }
        assertEquals(2_000,
                policy.delayMs(0, PineconeException.answered(429, null, "slow down", Duration.ofSeconds(2))));
        assertEquals(RetryPolicy.MAX_RETRY_AFTER_MS,
                policy.delayMs(0, PineconeException.answered(429, null, "slow down", Duration.ofHours(1))), "capped");
        assertEquals(0, Deadline.within(Duration.ofNanos(1), () -> policy.delayMs(0, unavailable)),
                "never past the deadline");
    }

    @Test
    void theLoopWaitsAsRetryAfterAsks() {
        PineconeException throttled = PineconeException.answered(429, null, "slow down", Duration.ofMillis(300));
        long started = System.nanoTime();
        assertThrows(PineconeException.class, () -> new RetryPolicy(1, Duration.ZERO).call(() -> failing(throttled)));
        long waited = (System.nanoTime() - started) / 1_000_000;
        assertTrue(waited >= 300, "waited " + waited + " ms before the second attempt");
        assertEquals(2, calls.get());
    }

    @Test
    void settingsOutOfRangeAreRefusedNamingTheVariable() {
        assertTrue(assertThrows(PineconeConfigException.class, () -> new RetryPolicy(-1, Duration.ZERO)).getMessage()
                .startsWith("PINECONE_RETRIES (pinecone.retries) must be 0..10, was -1"));
        assertThrows(PineconeConfigException.class, () -> new RetryPolicy(11, Duration.ZERO));
        assertTrue(assertThrows(PineconeConfigException.class, () -> new RetryPolicy(4, Duration.ofSeconds(-1)))
                .getMessage().startsWith("PINECONE_RETRY_DELAY"));
        assertThrows(PineconeConfigException.class, () -> new RetryPolicy(4, Duration.ofMillis(4_001)));
        new RetryPolicy(10, Duration.ofSeconds(4));
        new RetryPolicy(0, Duration.ZERO);
    }
}
