package io.github.pineconeimports.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

import io.github.pineconeimports.failure.PineconeConfigException;
import io.github.pineconeimports.failure.PineconeException;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import io.smallrye.faulttolerance.api.Guard;

/**
 * The one retry policy of every call to Pinecone, as a SmallRye Fault Tolerance {@link Guard} used programmatically:
 * no interceptor, so a call that succeeds pays only the guard's own bookkeeping (see the bench in
 * {@code src/bench/results/results.md}). Only transient failures are retried ({@link PineconeException#isTransient}:
 * 429, 5xx, no answer; never 400, 401, 403 or 404), only while the {@link Deadline} leaves room, after an
 * exponential backoff with full jitter, or after Pinecone's {@code Retry-After} (capped).
 */
public final class RetryPolicy {

    static final long MAX_BACKOFF_MS = 4_000;
    static final long MAX_RETRY_AFTER_MS = 5_000;

    private RetryPolicy() {
    }

    static final int MAX_RETRIES = 10;
    static final Duration MAX_DELAY = Duration.ofSeconds(30);

    /** Refuses settings that would retry for ever or not at all as documented: PINECONE_RETRIES and _RETRY_DELAY. */
    public static void check(int retries, Duration delay) {
        if (retries < 0 || retries > MAX_RETRIES) {
            throw new PineconeConfigException("PINECONE_RETRIES (pinecone.retries) must be 0.." + MAX_RETRIES + ", was "
                    + retries);
        }
        if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
            throw new PineconeConfigException("PINECONE_RETRY_DELAY (pinecone.retry-delay) must be 0s.."
                    + MAX_DELAY.toSeconds() + "s, was " + delay);
        }
    }

    /** The guard: {@code retries} further attempts, backoff from {@code delay}. */
    public static Guard guard(int retries, Duration delay) {
        return Guard.create().withDescription("pinecone-call").withRetry().maxRetries(retries).delay(delay.toMillis(),
                ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS).maxDuration(60, ChronoUnit.SECONDS)
                .whenException(RetryPolicy::worthRetrying)
                .withCustomBackoff().strategy(Backoff::new).done().done().build();
    }

    /** Transient, and the deadline leaves room. */
    static boolean worthRetrying(Throwable failure) {
        return failure instanceof PineconeException e && e.isTransient() && Deadline.remaining().toMillis() > 0;
    }

    /** Exponential backoff with full jitter (a random wait up to the exponential bound), or Retry-After. */
    static final class Backoff implements CustomBackoffStrategy {
        private long initial;
        private int attempt;

        @Override
        public void init(long initialDelayInMillis) {
            initial = Math.max(1, initialDelayInMillis);
        }

        @Override
        public long nextDelayInMillis(Throwable failure) {
            long bound = Math.min(MAX_BACKOFF_MS, initial << Math.min(attempt++, 20));
            long delay = ThreadLocalRandom.current().nextLong(bound + 1);
            if (failure instanceof PineconeException e && e.retryAfter() != null) {
                delay = Math.min(MAX_RETRY_AFTER_MS, e.retryAfter().toMillis());
            }
            // never sleep past the deadline: the next attempt then fails fast in Deadline.check()
            return Math.max(0, Math.min(delay, Deadline.remaining().toMillis()));
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
