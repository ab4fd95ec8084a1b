package io.github.pineconeimports.client;

import java.time.Duration;
import java.util.function.Supplier;

import io.github.pineconeimports.failure.PineconeException;

/**
 * The one deadline of a listing, however many pages and retries it takes: set by the engine around a whole
 * invocation, read by the retry policy (no retry that cannot finish in time) and before each call.
 */
public final class Deadline {

    private static final ThreadLocal<Long> CURRENT = new ThreadLocal<>();

    private Deadline() {
    }

    /** Runs {@code work} with {@code budget} from now as its deadline, or the caller's own if that comes first. */
    public static <T> T within(Duration budget, Supplier<T> work) {
        return at(System.nanoTime() + budget.toNanos(), work);
    }

    /** Runs {@code work} under the deadline of the calling thread, for work handed to other threads. */
    public static <T> Supplier<T> inherit(Supplier<T> work) {
        Long deadline = CURRENT.get();
        return deadline == null ? work : () -> at(deadline, work);
    }

    private static <T> T at(long deadlineNanos, Supplier<T> work) {
        Long outer = CURRENT.get();
        CURRENT.set(outer != null && outer - deadlineNanos < 0 ? outer : deadlineNanos);
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
    public static Duration remaining() {
        Long deadline = CURRENT.get();
        return deadline == null ? Duration.ofDays(1) : Duration.ofNanos(deadline - System.nanoTime());
    }

    /** Fails before a call that would start after the deadline. */
    static void check() {
        Duration left = remaining();
        if (left.isNegative() || left.isZero()) {
            throw new DeadlineExceededException();
        }
    }

    /** The deadline passed: the listing stops here, incomplete. */
    public static final class DeadlineExceededException extends PineconeException {
        DeadlineExceededException() {
            super(Kind.DEADLINE, 0, null, "gave up after IMPORTS_DEADLINE (imports.deadline)", null);
        }
    }
}
