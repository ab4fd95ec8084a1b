package io.github.pineconeimports.client;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The one deadline of a listing, however many pages and retries it takes: set by the engine around a whole
 * invocation, read by the retry policy (no retry that cannot finish in time) and before each call.
 */
public final class Deadline {

    private static final ThreadLocal<Instant> CURRENT = new ThreadLocal<>();

    private Deadline() {
    }

    /** Runs {@code work} with {@code budget} from now as its deadline. */
    public static <T> T within(Duration budget, Supplier<T> work) {
        Instant outer = CURRENT.get();
        CURRENT.set(Instant.now().plus(budget));
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** Time left; a long time when no deadline is set. */
    static Duration remaining() {
        Instant deadline = CURRENT.get();
        return deadline == null ? Duration.ofDays(1) : Duration.between(Instant.now(), deadline);
    }

    /** Fails before a call that would start after the deadline. */
    static void check() {
        if (remaining().isNegative() || remaining().isZero()) {
            throw new DeadlineExceededException();
        }
    }

    /** The deadline passed: the listing stops here, incomplete. */
    public static final class DeadlineExceededException extends PineconeException {
        DeadlineExceededException() {
            super(0, null, "gave up: the listing's deadline passed (imports.deadline)", null);
        }
    }
}
