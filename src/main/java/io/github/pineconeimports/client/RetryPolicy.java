package io.github.pineconeimports.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;

/**
 * When and how long to wait before calling Pinecone again, for SmallRye Fault Tolerance's {@code @Retry} on
 * {@link PineconeClient}: only transient failures ({@link PineconeException#isTransient}: 429, 5xx, connection
 * failures and timeouts; never 400, 401, 403 or 404), only while the listing's {@link Deadline} leaves room, after an exponential backoff with full
 * jitter, or after Pinecone's {@code Retry-After} when it says so (capped).
 */
public final class RetryPolicy {

    static final long MAX_BACKOFF_MS = 4_000;
    static final long MAX_RETRY_AFTER_MS = 5_000;

    private RetryPolicy() {
    }

    /** Which failures are worth another call. */
    public static final class Transient implements Predicate<Throwable> {
        @Override
        public boolean test(Throwable failure) {
            return failure instanceof PineconeException e && e.isTransient() && Deadline.remaining().toMillis() > 0;
        }
    }

    /** Exponential backoff with full jitter (a random wait up to the exponential bound), or Retry-After. */
    public static final class Backoff implements CustomBackoffStrategy {
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
                java.time.ZonedDateTime when = java.time.ZonedDateTime.parse(header.strip(),
                        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(java.time.Instant.now(), when.toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (java.time.format.DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
