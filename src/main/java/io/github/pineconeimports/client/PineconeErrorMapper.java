package io.github.pineconeimports.client;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns every non-2xx answer into a {@link PineconeException}. Pinecone's error bodies are usually
 * {@code rpcStatus} JSON, but a 401 can be {@code text/plain} and a proxy may answer with HTML, so the
 * body is read as text first and parsed only if it is JSON.
 */
public class PineconeErrorMapper implements ResponseExceptionMapper<PineconeException> {

    static final int MAX_MESSAGE = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Redirects too: they are not followed (the key must not travel to wherever they point). */
    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 300;
    }

    @Override
    public PineconeException toThrowable(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : null;
        Integer code = null;
        String message = body;
        if (body != null && body.stripLeading().startsWith("{")) {
            try {
                JsonNode node = JSON.readTree(body);
                // rpcStatus {code, message}; newer APIs nest it as {error: {code, message}}
                JsonNode error = node.has("error") && node.get("error").isObject() ? node.get("error") : node;
                if (error.path("code").isInt()) {
                    code = error.get("code").asInt();
                }
                if (error.path("message").isTextual()) {
                    message = error.get("message").asText();
                }
            } catch (Exception notJson) {
                // keep the raw text
            }
        }
        return new PineconeException(response.getStatus(), code, clip(message), null,
                RetryPolicy.parseRetryAfter(response.getHeaderString("Retry-After")));
    }

    static String clip(String text) {
        if (text == null) {
            return null;
        }
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "…";
    }
}
