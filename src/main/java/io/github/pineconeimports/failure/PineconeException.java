package io.github.pineconeimports.failure;

import java.time.Duration;
import java.util.Objects;

/**
 * A call to Pinecone failed: it answered with an error, could not be reached, or answered something that is not
 * a page of imports. The kind follows from what happened; the message says it in plain words and never carries
 * the API key (see {@link #redact}).
 */
public class PineconeException extends Failure {
    private final int httpStatus;
    private final Integer rpcCode;
    private final String upstreamMessage;
    private final Duration retryAfter;

    private final boolean sent;

    protected PineconeException(Kind kind, int httpStatus, Integer rpcCode, String upstreamMessage,
            Duration retryAfter) {
        this(kind, httpStatus, rpcCode, upstreamMessage, retryAfter, true);
    }

    private PineconeException(Kind kind, int httpStatus, Integer rpcCode, String upstreamMessage,
            Duration retryAfter, boolean sent) {
        super(kind, describe(kind, httpStatus, upstreamMessage), null);
        this.sent = sent;
        this.httpStatus = httpStatus;
        this.rpcCode = rpcCode;
        this.upstreamMessage = upstreamMessage;
        this.retryAfter = retryAfter;
    }

    /** Pinecone answered {@code status}: throttled (429), failed (5xx but 501), a redirect, or it refused the call. */
    public static PineconeException answered(int status, Integer rpcCode, String message, Duration retryAfter) {
        Kind kind = status == 429 ? Kind.UPSTREAM_THROTTLED
                : status >= 500 && status != 501 ? Kind.UPSTREAM_UNAVAILABLE
                : status >= 300 && status < 400 ? Kind.UPSTREAM_ANOMALY
                : Kind.UPSTREAM_REJECTED;
        return new PineconeException(kind, status, rpcCode, message, retryAfter);
    }

    /** No answer came: connection refused or reset, or a timeout. */
    public static PineconeException unreachable(String detail) {
        return new PineconeException(Kind.UPSTREAM_UNAVAILABLE, 0, null, detail, null);
    }

    /** No connection could be made (refused): nothing was sent, and a later try may connect. */
    public static PineconeException notConnected(String detail) {
        return new PineconeException(Kind.UPSTREAM_UNAVAILABLE, 0, null, detail, null, false);
    }

    /** The key-safety check refused to send a request: nothing went out, and trying again cannot change that. */
    public static PineconeException refused(String why) {
        return new PineconeException(Kind.UPSTREAM_ANOMALY, 0, null, why, null, false);
    }

    /** Whether the request may have reached Pinecone: not when it was refused before sending, or never connected. */
    public boolean sent() {
        return sent;
    }

    /** A successful answer that is not a page of imports. */
    public static PineconeException anomaly(String what) {
        return new PineconeException(Kind.UPSTREAM_ANOMALY, 200, null, what, null);
    }

    /** Worth another call: throttled, failed, or unreachable. */
    public boolean isTransient() {
        return kind() == Kind.UPSTREAM_UNAVAILABLE || kind() == Kind.UPSTREAM_THROTTLED;
    }

    /** How long Pinecone asked us to wait ({@code Retry-After}), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The HTTP status Pinecone answered with, or 0 when no answer came (connection refused, timeout). */
    public int httpStatus() {
        return httpStatus;
    }

    /** The gRPC code of an {@code rpcStatus} body, when there was one. */
    public Integer rpcCode() {
        return rpcCode;
    }

    /** What Pinecone said (the {@code rpcStatus} message or the plain-text body), or the network error. */
    public String upstreamMessage() {
        return upstreamMessage;
    }

    /** The same failure with {@code secret} masked (see {@code KeyMask}). */
    public PineconeException redact(String secret) {
        String masked = KeyMask.mask(upstreamMessage, secret);
        return Objects.equals(masked, upstreamMessage) ? this
                : new PineconeException(kind(), httpStatus, rpcCode, masked, retryAfter, sent);
    }

    private static String describe(Kind kind, int status, String upstream) {
        String what = switch (kind) {
            case DEADLINE -> "The deadline passed";
            case UPSTREAM_ANOMALY -> status == 0 ? "Request not sent"
                    : status >= 300 && status < 400
                    ? "Pinecone answered a redirect (" + status + "), which is not followed"
                    : "Pinecone answered something that is not a list of imports";
            case UPSTREAM_UNAVAILABLE -> status == 0 ? "Could not reach Pinecone" : "Pinecone failed to answer ("
                    + status + ")";
            case UPSTREAM_THROTTLED -> "Pinecone is rate-limiting requests (429)";
            default -> switch (status) {
                case 400 -> "Pinecone rejected the request (400)";
                case 401 -> "Pinecone rejected the API key (401)";
                case 403 -> "Pinecone refused access to this index (403)";
                case 404 -> "Pinecone found no such index or import (404)";
                default -> "Pinecone answered " + status;
            };
        };
        return upstream == null || upstream.isBlank() ? what : what + ": " + upstream;
    }
}
