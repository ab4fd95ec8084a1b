package io.github.pineconeimports.client;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.pineconeimports.failure.Failure;
import io.github.pineconeimports.failure.KeyMask;
import io.github.pineconeimports.failure.PineconeException;

/**
 * Turns every non-2xx answer into a {@link PineconeException}. Pinecone's error bodies are usually
 * {@link RpcStatus} JSON, but a 401 can be {@code text/plain} and a proxy may answer with HTML, so the body is
 * read as text first and decoded only if it is JSON.
 */
public class PineconeErrorMapper implements ResponseExceptionMapper<PineconeException> {

    static final int MAX_MESSAGE = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String secret;

    /** @param secret masked in every message, from the moment the exception exists (the REST client logs it) */
    PineconeErrorMapper(String secret) {
        this.secret = secret;
    }

    /** Redirects too: they are not followed (the key must not travel to wherever they point). */
    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 300;
    }

    @Override
    public PineconeException toThrowable(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : null;
        RpcStatus error = decode(body);
        // masked before it is cut, so that no half of a key survives the cut
        return PineconeException.answered(response.getStatus(), error == null ? null : error.code(),
                clip(KeyMask.mask(error == null ? body : error.message(), secret)),
                RetryPolicy.parseRetryAfter(response.getHeaderString("Retry-After")));
    }

    /**
     * The code and message of an error body: the data plane's {@link RpcStatus}, or the control plane's
     * {@link ErrorResponse} (whose code is a name, so it goes into the message). Null for anything else: plain
     * text, HTML, JSON of another shape.
     */
    static RpcStatus decode(String body) {
        if (body == null || !body.stripLeading().startsWith("{")) {
            return null;
        }
        try {
            RpcStatus rpc = JSON.readValue(body, RpcStatus.class);
            if (rpc.message() != null) {
                return rpc;
            }
            ErrorResponse.Detail detail = JSON.readValue(body, ErrorResponse.class).error();
            return detail == null || detail.message() == null ? null
                    : new RpcStatus(null, detail.code() == null ? detail.message() : detail.code() + ": "
                            + detail.message(), null);
        } catch (JsonProcessingException | IllegalArgumentException neither) {
            return null;
        }
    }

    static String clip(String text) {
        // an upstream body may span lines (an HTML error page): one line of it
        return text == null ? null : Failure.clip(text.strip().replaceAll("\\s+", " "), MAX_MESSAGE);
    }
}
