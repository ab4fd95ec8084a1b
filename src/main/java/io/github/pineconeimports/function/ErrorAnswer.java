package io.github.pineconeimports.function;

import org.jboss.logging.Logger;

import io.github.pineconeimports.client.Deadline;
import io.github.pineconeimports.client.PineconeConfigException;
import io.github.pineconeimports.imports.InvalidQueryException;
import io.github.pineconeimports.imports.ListingFailedException;
import io.github.pineconeimports.imports.ListingTooLargeException;

/**
 * How a failure of {@code listImports} is answered, whatever the binding: an HTTP status and an
 * {@link ErrorBody}. Callers' mistakes are 4xx and name the field; an incomplete listing is 502/503 and
 * says how far it got; anything unexpected is a 500 without a stack trace (that goes to the log).
 */
public record ErrorAnswer(int status, ErrorBody body) {

    private static final Logger LOG = Logger.getLogger(ErrorAnswer.class);

    public static ErrorAnswer of(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof InvalidQueryException e) {
            return new ErrorAnswer(400, new ErrorBody("invalid_input", e.getMessage(), e.field(), e.value(),
                    e.allowed(), null, null, null));
        }
        if (t instanceof ListingTooLargeException e) {
            return new ErrorAnswer(422, new ErrorBody("too_large", e.getMessage(), "all", null,
                    "all=true up to the configured cap, or limit with paginationToken", null, null, null));
        }
        if (t instanceof ListingFailedException e) {
            LOG.warn(e.getMessage());
            // out of time: 504; still throttled after the retries: 503, try later; anything else: the upstream failed us
            int status = e.getCause() instanceof Deadline.DeadlineExceededException ? 504
                    : e.upstreamStatus() != null && e.upstreamStatus() == 429 ? 503 : 502;
            return new ErrorAnswer(status, new ErrorBody("upstream_failed", e.getMessage(), null, null, null,
                    e.upstreamStatus(), e.pagesRead(), true));
        }
        if (t instanceof PineconeConfigException e) {
            LOG.error(e.getMessage());
            return new ErrorAnswer(500, ErrorBody.of("not_configured", e.getMessage()));
        }
        LOG.error("listImports failed unexpectedly", t);
        return new ErrorAnswer(500, ErrorBody.of("internal", "listImports failed unexpectedly; the log has details"));
    }

    /** Funqy and CDI may wrap what the engine threw; the first cause we know decides. */
    private static Throwable unwrap(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidQueryException || t instanceof ListingTooLargeException
                    || t instanceof ListingFailedException || t instanceof PineconeConfigException) {
                return t;
            }
        }
        return failure;
    }
}
