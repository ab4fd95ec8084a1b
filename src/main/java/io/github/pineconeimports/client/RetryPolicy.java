package io.github.pineconeimports.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import io.github.pineconeimports.failure.PineconeConfigException;
import io.github.pineconeimports.failure.PineconeException;

/**
 * The one retry policy of every call to Pinecone, as a plain loop: a call that succeeds costs one try block, less than
 * a SmallRye Fault Tolerance guard costs a page (measured in src/bench/results/results.md). Only transient
 * failures are retried ({@link PineconeException#isTransient}: 429, 5xx, no answer; never 400, 401, 403 or 404),
 * only while the {@link Deadline} leaves room, after an exponential backoff with full jitter, or after Pinecone's
 * {@code Retry-After} (capped).
 */
public final class RetryPolicy {

    static final long MAX_BACKOFF_MS = 4_000;
    static final long MAX_RETRY_AFTER_MS = 5_000;
    static final int MAX_RETRIES = 10;
    static final Duration MAX_DELAY = Duration.ofMillis(MAX_BACKOFF_MS);

    private final int retries;
    private final long initialMs;

    /** {@code retries} further attempts, the first wait bounded by {@code delay}; refuses settings out of range. */
    public RetryPolicy(int retries, Duration delay) {
        check(retries, delay);
        this.retries = retries;
        this.initialMs = Math.max(1, delay.toMillis());
    }

    /** Refuses settings that would retry for ever or not as documented: PINECONE_RETRIES and PINECONE_RETRY_DELAY. */
    public static void check(int retries, Duration delay) {
        if (retries < 0 || retries > MAX_RETRIES) {
            throw new PineconeConfigException("PINECONE_RETRIES (pinecone.retries) must be 0.." + MAX_RETRIES + ", was "
                    + retries);
        }
        if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
            throw new PineconeConfigException("PINECONE_RETRY_DELAY (pinecone.retry-delay) must be 0s.."
                    + MAX_DELAY.toSeconds() + "s (the longest backoff), was " + delay);
        }
    }

    /** {@code call}, and again after each transient failure, while retries and the deadline last. */
    public <T> T call(Supplier<T> call) {
        for (int attempt = 0;; attempt++) {
            try {
                return call.get();
            } catch (PineconeException failure) {
                if (attempt < retries && failure.isTransient() && !worthRetrying(failure)) {
                    // a retry only the deadline forbids: the deadline is what ended the call (504, DeadlineExceeded)
                    PineconeException deadline = new Deadline.DeadlineExceededException();
                    deadline.addSuppressed(failure);
                    throw deadline;
                }
                if (attempt >= retries || !worthRetrying(failure)) {
                    throw failure;
                }
                pause(delayMs(attempt, failure), failure);
            }
        }
    }

    /** Transient, and the deadline leaves room. */
    static boolean worthRetrying(Throwable failure) {
        return failure instanceof PineconeException e && e.isTransient() && Deadline.remaining().toMillis() > 0;
    }

    /** Exponential backoff with full jitter (a random wait up to the exponential bound), or Retry-After. */
    long delayMs(int attempt, PineconeException failure) {
        long bound = Math.min(MAX_BACKOFF_MS, initialMs << Math.min(attempt, 20));
        long delay = failure.retryAfter() != null ? Math.min(MAX_RETRY_AFTER_MS, failure.retryAfter().toMillis())
                : ThreadLocalRandom.current().nextLong(bound + 1);
        // never sleep past the deadline: the next attempt then fails fast in Deadline.check()
        return Math.max(0, Math.min(delay, Deadline.remaining().toMillis()));
    }

    private static void pause(long millis, PineconeException failure) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    static Duration parseRetryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(Instant.now(), when.toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
