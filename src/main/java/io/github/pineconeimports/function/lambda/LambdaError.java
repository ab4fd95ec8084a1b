package io.github.pineconeimports.function.lambda;

import io.github.pineconeimports.failure.Failure;

/**
 * A failed invocation, as AWS reports it: Lambda's {@code errorType} is the class name of what the handler threw,
 * and Step Functions tells errors apart by that name alone. So each failure kind leaves the function as its own
 * class; {@link #of} is the one place a kind becomes a Lambda error name. No stack trace: the name and the message
 * say what happened, and the answer must not carry our internals.
 */
public abstract sealed class LambdaError extends RuntimeException {

    private LambdaError(String message) {
        super(message, null, false, false);
    }

    /** The error for anything the function threw. */
    static LambdaError of(Throwable thrown) {
        Failure failure = Failure.find(thrown);
        String message = failure != null ? failure.getMessage() : thrown.getClass().getSimpleName() + ": "
                + thrown.getMessage();
        return switch (failure == null ? Failure.Kind.INTERNAL : failure.kind()) {
            case INVALID_INPUT -> new InvalidInput(message);
            case NOT_CONFIGURED -> new NotConfigured(message);
            case TOO_LARGE -> new TooLarge(message);
            case UPSTREAM_REJECTED -> new UpstreamRejected(message);
            case UPSTREAM_UNAVAILABLE -> new UpstreamUnavailable(message);
            case UPSTREAM_THROTTLED -> new UpstreamThrottled(message);
            case DEADLINE -> new DeadlineExceeded(message);
            case UPSTREAM_ANOMALY -> new UpstreamAnomaly(message);
            case INTERNAL -> new Internal(message);
        };
    }

    /** The caller's input: do not retry. */
    public static final class InvalidInput extends LambdaError {
        InvalidInput(String message) {
            super(message);
        }
    }

    /** Key, host or index missing or unusable: fix the deployment. */
    public static final class NotConfigured extends LambdaError {
        NotConfigured(String message) {
            super(message);
        }
    }

    /** {@code all=true} over the cap: page instead. */
    public static final class TooLarge extends LambdaError {
        TooLarge(String message) {
            super(message);
        }
    }

    /** Pinecone refused the call (a rejected key, no such index): retrying will not help. */
    public static final class UpstreamRejected extends LambdaError {
        UpstreamRejected(String message) {
            super(message);
        }
    }

    /** The listing is incomplete: Pinecone failed or could not be reached. Worth another try. */
    public static final class UpstreamUnavailable extends LambdaError {
        UpstreamUnavailable(String message) {
            super(message);
        }
    }

    /** The listing is incomplete: Pinecone kept rate-limiting. Worth another try, later. */
    public static final class UpstreamThrottled extends LambdaError {
        UpstreamThrottled(String message) {
            super(message);
        }
    }

    /** The listing is incomplete: its deadline passed. Worth another try. */
    public static final class DeadlineExceeded extends LambdaError {
        DeadlineExceeded(String message) {
            super(message);
        }
    }

    /** The listing is incomplete: Pinecone answered something impossible. Worth another try. */
    public static final class UpstreamAnomaly extends LambdaError {
        UpstreamAnomaly(String message) {
            super(message);
        }
    }

    /** A bug of ours. */
    public static final class Internal extends LambdaError {
        Internal(String message) {
            super(message);
        }
    }
}
