package io.github.pineconeimports.client;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.client.api.ClientLogger;

import io.github.pineconeimports.failure.KeyMask;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;

/**
 * The REST client's request and response log ({@code quarkus.rest-client.logging.scope=request-response}, in
 * the category the Quarkus guide names, at DEBUG), without secrets: headers that carry one are masked, and so is
 * the key itself wherever else it appears (a URI, a body that echoes it). Bodies that are secrets themselves
 * (what the Secrets extension answers) are never logged.
 */
final class MaskingClientLogger implements ClientLogger {

    static final String CATEGORY = "org.jboss.resteasy.reactive.client.logging";
    private static final Logger LOG = Logger.getLogger(CATEGORY);
    private static final Set<String> SECRET_HEADERS = Set.of("api-key", "authorization",
            "x-aws-parameters-secrets-token");

    private final String secret;
    private final boolean bodies;
    private int bodySize;

    /** @param secret masked wherever it appears; @param bodies whether bodies may be logged at all */
    MaskingClientLogger(String secret, boolean bodies) {
        this.secret = secret;
        this.bodies = bodies;
    }

    @Override
    public void setBodySize(int bodySize) {
        this.bodySize = bodySize;
    }

    @Override
    public void logRequest(HttpClientRequest request, Buffer body, boolean omitBody) {
        if (LOG.isDebugEnabled()) {
            LOG.debugf("Request: %s %s Headers[%s], %s", request.getMethod(), mask(request.absoluteURI()),
                    headers(request.headers()),
                    omitBody || body == null || body.length() == 0 ? "no body" : body(body));
        }
    }

    @Override
    public void logResponse(HttpClientResponse response, boolean redirect) {
        if (LOG.isDebugEnabled()) {
            response.bodyHandler(body -> LOG.debugf("%s: %s %s, Status[%d %s], Headers[%s], %s",
                    redirect ? "Redirect" : "Response", response.request().getMethod(),
                    mask(response.request().absoluteURI()), response.statusCode(), response.statusMessage(),
                    headers(response.headers()), body(body)));
        }
    }

    private String body(Buffer body) {
        if (!bodies) {
            return "body not logged (" + body.length() + " bytes)";
        }
        String text = body.toString();
        return "Body: " + mask(bodySize > 0 && text.length() > bodySize ? text.substring(0, bodySize) : text);
    }

    private String headers(MultiMap headers) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> header : headers) {
            out.append(out.length() == 0 ? "" : " ").append(header.getKey()).append('=')
                    .append(SECRET_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT)) ? "***"
                            : mask(header.getValue()));
        }
        return out.toString();
    }

    private String mask(String text) {
        return KeyMask.mask(text, secret);
    }
}
