package io.github.pineconeimports.client;

import java.time.Duration;

/**
 * Pinecone answered with an error, or could not be reached ({@link #httpStatus()} 0). The message says
 * in plain words what Pinecone said; it never carries the API key (see {@link PineconeClient}).
 */
public class PineconeException extends RuntimeException {

    private final int httpStatus;
    private final Integer rpcCode;
    private final String upstreamMessage;
    private final Duration retryAfter;

    public PineconeException(int httpStatus, Integer rpcCode, String upstreamMessage, Throwable cause) {
        this(httpStatus, rpcCode, upstreamMessage, cause, null);
    }

    PineconeException(int httpStatus, Integer rpcCode, String upstreamMessage, Throwable cause, Duration retryAfter) {
        super(describe(httpStatus, upstreamMessage), cause);
        this.httpStatus = httpStatus;
        this.rpcCode = rpcCode;
        this.upstreamMessage = upstreamMessage;
        this.retryAfter = retryAfter;
    }

    /** Worth another call: throttled (429), a server error (5xx but 501), or no answer (connection, timeout). */
    public boolean isTransient() {
        return httpStatus == 0 || httpStatus == 429 || (httpStatus >= 500 && httpStatus != 501);
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

    /** The same failure with every occurrence of {@code secret} masked. */
    PineconeException redact(String secret) {
        if (secret == null || secret.isEmpty() || upstreamMessage == null || !upstreamMessage.contains(secret)) {
            return this;
        }
        return new PineconeException(httpStatus, rpcCode, upstreamMessage.replace(secret, "***"), null, retryAfter);
    }

    private static String describe(int status, String upstream) {
        String what = switch (status) {
            case 0 -> "Could not reach Pinecone";
            case 200 -> "Pinecone answered something that is not a list of imports";
            case 400 -> "Pinecone rejected the request (400)";
            case 401 -> "Pinecone rejected the API key (401)";
            case 403 -> "Pinecone refused access to this index (403)";
            case 404 -> "Pinecone found no such index or import (404)";
            case 429 -> "Pinecone is rate-limiting requests (429)";
            default -> status >= 500 ? "Pinecone failed to answer (" + status + ")"
                    : status >= 300 && status < 400 ? "Pinecone answered a redirect (" + status + "), which is not followed"
                    : "Pinecone answered " + status;
        };
        return upstream == null || upstream.isBlank() ? what : what + ": " + upstream;
    }
}
