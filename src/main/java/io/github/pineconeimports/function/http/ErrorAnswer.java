package io.github.pineconeimports.function.http;

import org.jboss.logging.Logger;

import io.github.pineconeimports.failure.Failure;
import io.github.pineconeimports.failure.Failure.Kind;
import io.github.pineconeimports.failure.InvalidQueryException;
import io.github.pineconeimports.failure.ListingFailedException;
import io.github.pineconeimports.failure.ListingTooLargeException;

/**
 * How a failure of {@code listImports} is answered over HTTP (plain calls and CloudEvents): a status and an
 * {@link ErrorBody}, both from the failure's {@link Kind}. Callers' mistakes are 4xx and name the field; an
 * incomplete listing is 502/503/504 and says how far it got; a bug of ours is a 500 without a stack trace
 * (that goes to the log).
 */
public record ErrorAnswer(int status, ErrorBody body) {

    private static final Logger LOG = Logger.getLogger(ErrorAnswer.class);

    /** The one place a kind becomes an HTTP status. */
    static int status(Kind kind) {
        return switch (kind) {
            case INVALID_INPUT -> 400;
            case TOO_LARGE -> 422;
            case UPSTREAM_REJECTED, UPSTREAM_UNAVAILABLE, UPSTREAM_ANOMALY -> 502;
            case UPSTREAM_THROTTLED -> 503;
            case DEADLINE -> 504;
            case NOT_CONFIGURED, INTERNAL -> 500;
        };
    }

    /** The one place a kind becomes the body's stable {@code error} code. */
    static String code(Kind kind) {
        return switch (kind) {
            case INVALID_INPUT -> "invalid_input";
            case TOO_LARGE -> "too_large";
            case NOT_CONFIGURED -> "not_configured";
            case INTERNAL -> "internal";
            default -> "upstream_failed";
        };
    }

    public static ErrorAnswer of(Throwable thrown) {
        Failure failure = Failure.find(thrown);
        Kind kind = failure == null ? Kind.INTERNAL : failure.kind();
        ErrorBody body = switch (kind) {
            case INTERNAL -> ErrorBody.of(code(kind), "listImports failed unexpectedly; the log has details");
            case INVALID_INPUT -> failure instanceof InvalidQueryException e
                    ? ErrorBody.field(code(kind), e.getMessage(), e.field(), e.value(), e.allowed())
                    : ErrorBody.of(code(kind), failure.getMessage());
            case TOO_LARGE -> failure instanceof ListingTooLargeException e
                    ? ErrorBody.field(code(kind), e.getMessage(), e.field(), null, e.allowed())
                    : ErrorBody.of(code(kind), failure.getMessage());
            case NOT_CONFIGURED -> ErrorBody.of(code(kind), failure.getMessage());
            default -> failure instanceof ListingFailedException e
                    ? ErrorBody.incomplete(code(kind), e.getMessage(), e.upstreamStatus(), e.pagesRead(), e.index())
                    : ErrorBody.of(code(kind), failure.getMessage());
        };
        if (kind == Kind.INTERNAL) {
            LOG.error("listImports failed unexpectedly", thrown);
        } else if (kind == Kind.NOT_CONFIGURED) {
            LOG.error(failure.getMessage());
        } else if (kind.incomplete()) {
            LOG.warn(failure.getMessage());
        }
        return new ErrorAnswer(status(kind), body);
    }
}
