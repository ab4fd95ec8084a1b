package io.github.pineconeimports.client;

import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.client.api.LoggingScope;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * The REST clients, built on first use and kept per host and key, and what every client shares: the key only to its
 * own host, no redirects, a log that masks secrets, the trusted certificates ({@link TlsPolicy}).
 */
@ApplicationScoped
public class RestClients {

    /**
     * One client per API, host, version and timeouts; the keys it serves are told apart by {@link KeyId}, never held.
     */
    private record Slot(Class<?> api, IndexHost host, String apiVersion, Duration connect, Duration read) {
    }

    // clients kept per slot: the current key's and a few before it (a rotation's calls in flight); the oldest is closed
    static final int KEYS_PER_SLOT = 4;

    @Inject
    TlsPolicy tls;

    /** Sent as User-Agent: pinecone-imports/VERSION, as Pinecone's SDKs send their own. */
    @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
    String version;

    @ConfigProperty(name = "quarkus.rest-client.logging.scope")
    Optional<String> loggingScope;

    private final Map<Slot, Map<KeyId, Object>> clients = new ConcurrentHashMap<>();

    <T> T api(Class<T> api, IndexHost host, Connection c) {
        Slot slot = new Slot(api, host, c.apiVersion(), c.connectTimeout(), c.readTimeout());
        Map<KeyId, Object> byKey = clients.computeIfAbsent(slot, s -> new LinkedHashMap<>(8, 0.75f, true));
        synchronized (byKey) {
            Object client = byKey.computeIfAbsent(c.keyId(), id -> builder(host.baseUri(), slot.connect(),
                    slot.read(),
                    c.apiKey(), true)
                    .register(new PineconeHeaders(c.apiKey(), slot.apiVersion(), host.host(), "pinecone-imports/"
                            + version))
                    .register(new PineconeErrorMapper(c.apiKey()))
                    .build(api));
            // a rotated key must not leave its clients (and their pooled connections) behind for ever
            while (byKey.size() > KEYS_PER_SLOT) {
                Iterator<Object> oldest = byKey.values().iterator();
                close(oldest.next());
                oldest.remove();
            }
            return api.cast(client);
        }
    }

    /** How many clients are open: constant however often the key rotates. */
    int open() {
        return clients.values().stream().mapToInt(Map::size).sum();
    }

    private static void close(Object client) {
        if (client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing only releases connections; nothing is left to do on failure
            }
        }
    }

    /**
     * What every client of ours shares: no redirects followed, and a log that masks secrets. The logging scope is
     * the configured one, but never {@code all}: that one makes Netty dump the raw bytes, headers and key
     * included, past any logger of ours.
     */
    public QuarkusRestClientBuilder builder(URI base, Duration connect, Duration read, String secret,
            boolean logBodies) {
        LoggingScope scope = loggingScope.map(LoggingScope::forName).orElse(LoggingScope.NONE);
        QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder()
                .baseUri(base)
                .connectTimeout(connect.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(read.toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                // never quarkus.tls.trust-all: a key must not go to whoever answers
                .trustAll(false)
                .loggingScope(scope == LoggingScope.ALL ? LoggingScope.REQUEST_RESPONSE : scope)
                .clientLogger(new MaskingClientLogger(secret, logBodies));
        tls.trustStore().ifPresent(builder::tlsConfiguration);
        return builder;
    }

    /** Closes and drops the clients of {@code host} (with their pooled connections). */
    void forget(IndexHost host) {
        clients.keySet().removeIf(slot -> {
            if (!slot.host().equals(host)) {
                return false;
            }
            Map<KeyId, Object> byKey = clients.get(slot);
            synchronized (byKey) {
                byKey.values().forEach(RestClients::close);
            }
            return true;
        });
    }
}
