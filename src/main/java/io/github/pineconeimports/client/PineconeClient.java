package io.github.pineconeimports.client;

import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.Retry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.CustomBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;

/**
 * The one way to call Pinecone. Keeps one REST client per {@link Connection} (built on first use, so a missing
 * setting fails the call that needs it with a message naming the variable), sends the key only to that
 * connection's host, follows no redirects, and turns every failure into a {@link PineconeException}.
 */
@ApplicationScoped
public class PineconeClient {

    /** 100 imports with long URIs and error texts stay far below this. */
    static final int MAX_BODY_CHARS = 4 * 1024 * 1024;

    @Inject
    ObjectMapper json;

    private final Map<Connection, PineconeApi> apis = new ConcurrentHashMap<>();

    /**
     * One page. Transient failures are retried (see {@link RetryPolicy}) within the caller's {@link Deadline};
     * the retry settings can be tuned with MicroProfile Fault Tolerance configuration, e.g.
     * {@code io.github.pineconeimports.client.PineconeClient/listImports/Retry/maxRetries}.
     */
    @Retry(maxRetries = 4, delay = 250, jitter = 0, maxDuration = 60, durationUnit = ChronoUnit.SECONDS)
    @RetryWhen(exception = RetryPolicy.Transient.class)
    @CustomBackoff(RetryPolicy.Backoff.class)
    public ListImportsResponse listImports(Connection connection, int limit, String paginationToken) {
        Deadline.check();
        PineconeApi api = api(connection);
        return parse(connection, call(connection, () -> api.listImports(limit, paginationToken)));
    }

    /** A page is JSON of bounded size, or it is an anomaly: reported, and not worth a retry. */
    private ListImportsResponse parse(Connection connection, String body) {
        if (body == null || body.isBlank()) {
            throw anomaly(connection, "an empty answer");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw anomaly(connection, "a body over the " + MAX_BODY_CHARS + "-character cap");
        }
        if (body.stripLeading().charAt(0) != '{') {
            throw anomaly(connection, "an answer that is not a JSON object ("
                    + PineconeErrorMapper.clip(body.substring(0, Math.min(body.length(), 60))) + ")");
        }
        try {
            return json.readValue(body, ListImportsResponse.class);
        } catch (JsonProcessingException e) {
            throw anomaly(connection, "malformed JSON (" + PineconeErrorMapper.clip(e.getOriginalMessage()) + ")");
        }
    }

    private static PineconeException anomaly(Connection connection, String what) {
        return PineconeException.anomaly(what).redact(connection.apiKey());
    }

    private static <T> T call(Connection connection, Supplier<T> request) {
        try {
            return request.get();
        } catch (PineconeException e) {
            throw e.redact(connection.apiKey());
        } catch (ProcessingException | WebApplicationException e) {
            Throwable root = e;
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof PineconeException known) {
                    throw known.redact(connection.apiKey());
                }
                if (t instanceof JsonProcessingException malformed) {
                    throw anomaly(connection, "malformed JSON (" + PineconeErrorMapper.clip(malformed.getOriginalMessage()) + ")");
                }
                root = t;
            }
            String detail = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
            throw PineconeException.unreachable(PineconeErrorMapper.clip(detail)).redact(connection.apiKey());
        }
    }

    private PineconeApi api(Connection connection) {
        IndexHost host = connection.host();
        return apis.computeIfAbsent(connection, c -> QuarkusRestClientBuilder.newBuilder()
                .baseUri(host.baseUri())
                .connectTimeout(c.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(c.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .register(new PineconeHeaders(c.apiKey(), c.apiVersion(), host.host()))
                .build(PineconeApi.class));
    }
}
