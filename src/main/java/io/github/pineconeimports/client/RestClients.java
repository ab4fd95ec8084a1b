package io.github.pineconeimports.client;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * The REST clients, one per API, host and connection, built on first use; and what every call shares: the
 * key only in its own host's requests, no redirects followed, the body read as bounded text and parsed here, and
 * every failure a {@link PineconeException} with the key masked.
 */
@ApplicationScoped
class RestClients {

    /** 100 imports with long URIs and error texts stay far below this. */
    static final int MAX_BODY_CHARS = 4 * 1024 * 1024;

    private record Key(Class<?> api, IndexHost host, String apiKey, String apiVersion, Duration connect, Duration read) {
    }

    @Inject
    ObjectMapper json;

    private final Map<Key, Object> clients = new ConcurrentHashMap<>();

    <T> T api(Class<T> api, IndexHost host, Connection c) {
        Key key = new Key(api, host, c.apiKey(), c.apiVersion(), c.connectTimeout(), c.readTimeout());
        return api.cast(clients.computeIfAbsent(key, k -> QuarkusRestClientBuilder.newBuilder()
                .baseUri(host.baseUri())
                .connectTimeout(k.connect().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(k.read().toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .register(new PineconeHeaders(k.apiKey(), k.apiVersion(), host.host()))
                .build(api)));
    }

    /** Makes the call and parses its body as {@code type}: JSON of bounded size, or an anomaly (not worth a retry). */
    <T> T call(Connection connection, Supplier<String> request, Class<T> type) {
        String body = send(connection, request);
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
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw anomaly(connection, "malformed JSON (" + PineconeErrorMapper.clip(e.getOriginalMessage()) + ")");
        }
    }

    private static String send(Connection connection, Supplier<String> request) {
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
                root = t;
            }
            String detail = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
            throw PineconeException.unreachable(PineconeErrorMapper.clip(detail)).redact(connection.apiKey());
        }
    }

    private static PineconeException anomaly(Connection connection, String what) {
        return PineconeException.anomaly(what).redact(connection.apiKey());
    }
}
