package io.github.pineconeimports.client;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.net.ssl.SSLException;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.client.api.LoggingScope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.pineconeimports.failure.Failure;
import io.github.pineconeimports.failure.KeyMask;
import io.github.pineconeimports.failure.PineconeConfigException;
import io.github.pineconeimports.failure.PineconeException;
import io.netty.handler.ssl.NotSslRecordException;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;

/**
 * The REST clients, built on first use, and what every call shares: the key only to its own host, no redirects,
 * a bounded body parsed here, and every failure a {@link PineconeException} with the key masked.
 */
@ApplicationScoped
public class RestClients {

    static final int MAX_BODY_BYTES = 4 * 1024 * 1024; // 100 imports with long URIs and error texts stay far below

    /**
     * One client per API, host, version and timeouts; the keys it serves are told apart by {@link KeyId}, never held.
     */
    private record Slot(Class<?> api, IndexHost host, String apiVersion, Duration connect, Duration read) {
    }

    // clients kept per slot: the current key's and a few before it (a rotation's calls in flight); the oldest is closed
    static final int KEYS_PER_SLOT = 4;

    @Inject
    ObjectMapper json;

    /** Sent as User-Agent: pinecone-imports/VERSION, as Pinecone's SDKs send their own. */
    @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
    String version;

    @ConfigProperty(name = "quarkus.rest-client.logging.scope")
    Optional<String> loggingScope;

    @Inject
    TlsConfigurationRegistry tls;

    /** Quarkus applies it to every REST client after their own settings: only refusing it keeps hosts verified. */
    @ConfigProperty(name = "quarkus.rest-client.verify-host")
    Optional<Boolean> verifyHost;

    static final String UNVERIFIED = "quarkus.tls.trust-all, quarkus.tls.hostname-verification-algorithm=NONE and"
            + " quarkus.rest-client.verify-host=false would send the API key to any server: unset them, and trust a"
            + " certificate with quarkus.tls.trust-store.pem.certs (QUARKUS_TLS_TRUST_STORE_PEM_CERTS) instead";

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
        trustStore().ifPresent(builder::tlsConfiguration);
        return builder;
    }

    /** Refuses, as every call does, TLS settings that would send the key to any server: for readiness. */
    public void checkTls() {
        trustStore();
    }

    /**
     * The certificates a user trusts instead of the JDK's, as for any Quarkus application: the TLS registry's default
     * trust store ({@code quarkus.tls.trust-store.pem.certs}, i.e. {@code QUARKUS_TLS_TRUST_STORE_PEM_CERTS}).
     * Settings that would send the key to any server are refused rather than obeyed.
     */
    private Optional<TlsConfiguration> trustStore() {
        Optional<TlsConfiguration> configured = tls.getDefault();
        boolean anyHost = configured.map(c -> c.isTrustAll()
                || c.getHostnameVerificationAlgorithm().filter("NONE"::equalsIgnoreCase).isPresent()).orElse(false);
        if (anyHost || !verifyHost.orElse(true)) {
            throw new PineconeConfigException(UNVERIFIED);
        }
        return configured.filter(c -> c.getTrustStore() != null);
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

    private PageReader pages;

    @PostConstruct
    void pageReader() {
        pages = new PageReader(json);
    }

    /** Makes the call and parses its body as {@code type}: JSON of bounded size, or an anomaly (not worth a retry). */
    <T> T call(Connection connection, Supplier<Uni<byte[]>> request, Class<T> type) {
        byte[] body = jsonBytes(connection, send(connection, request));
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw anomaly(connection, "malformed JSON (" + PineconeErrorMapper.clip(e.getOriginalMessage()) + ")");
        } catch (IOException e) {
            throw anomaly(connection, "unreadable JSON (" + PineconeErrorMapper.clip(e.getMessage()) + ")");
        }
    }

    /** A page of imports, read in one pass (see {@link PageReader}). */
    ListImportsResponse page(Connection connection, Supplier<Uni<byte[]>> request) {
        byte[] body = jsonBytes(connection, send(connection, request));
        try {
            return pages.read(body);
        } catch (JsonProcessingException e) {
            throw anomaly(connection, "malformed JSON (" + PineconeErrorMapper.clip(e.getOriginalMessage()) + ")");
        } catch (IOException e) {
            throw anomaly(connection, "unreadable JSON (" + PineconeErrorMapper.clip(e.getMessage()) + ")");
        }
    }

    /** A body is a JSON object of bounded size, or it is an anomaly: reported, and not worth a retry. */
    private static byte[] jsonBytes(Connection connection, byte[] body) {
        int first = 0;
        while (body != null && first < body.length && Character.isWhitespace(body[first])) {
            first++;
        }
        if (body == null || first == body.length) {
            throw anomaly(connection, "an empty answer");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw anomaly(connection, "a body over the " + MAX_BODY_BYTES + "-byte cap");
        }
        if (body[first] != '{') {
            String start = new String(body, first, Math.min(body.length - first, 60), StandardCharsets.UTF_8);
            throw anomaly(connection, "an answer that is not a JSON object (" + PineconeErrorMapper.clip(start) + ")");
        }
        return body;
    }

    /**
     * Sends the request and waits for its whole answer, at most the connect and read timeouts together and never
     * past the caller's deadline: a server that sends the headers and then stalls must not hold the call forever.
     * Waiting on a Uni cancels the request when the wait ends (its connection is reset, not kept in the pool), and
     * refuses to block an event loop.
     */
    private static byte[] send(Connection connection, Supplier<Uni<byte[]>> request) {
        Duration budget = connection.connectTimeout().plus(connection.readTimeout());
        Duration left = Deadline.remaining();
        boolean deadlineFirst = left.compareTo(budget) < 0;
        if (left.isNegative() || left.isZero()) {
            throw new Deadline.DeadlineExceededException();
        }
        try {
            return request.get().await().atMost(deadlineFirst ? left : budget);
        } catch (TimeoutException e) {
            if (deadlineFirst) {
                throw new Deadline.DeadlineExceededException();
            }
            throw PineconeException.unreachable("no complete answer within " + budget.toMillis() + " ms");
        } catch (CompletionException e) {
            throw failed(connection, e.getCause() == null ? e : e.getCause());
        } catch (PineconeException | ProcessingException | WebApplicationException e) {
            throw failed(connection, e);
        } catch (RuntimeException e) {
            // the transport's own failures arrive unwrapped on this path (a timeout, a reset): the network's; any
            // other exception is a bug of ours, shown as such
            throw transport(e) ? failed(connection, e) : e;
        }
    }

    private static boolean transport(Throwable e) {
        String type = e.getClass().getName();
        return Failure.find(e, IOException.class) != null || type.startsWith("io.vertx.")
                || type.startsWith("io.netty.");
    }

    /**
     * What the client's report of a failed call means: Pinecone's error, a setting to fix, or the network's failure
     * (a timeout, a reset: worth a retry).
     */
    private static RuntimeException failed(Connection connection, Throwable e) {
        PineconeException known = Failure.find(e, PineconeException.class);
        if (known != null) {
            return known.redact(connection.apiKey());
        }
        // a plain-HTTP answer comes wrapped in an SSLException: it is the setting to name, not the handshake
        if (Failure.find(e, NotSslRecordException.class) != null) {
            return plainHttp(connection);
        }
        // a certificate refused is a setting to fix; any other handshake failure is the network's, worth a retry
        if (Failure.find(e, SSLException.class) != null && Failure.find(e, CertificateException.class) != null) {
            return untrusted(connection, Failure.find(e, CertificateException.class));
        }
        Throwable root = Failure.root(e);
        String detail = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": "
                + root.getMessage());
        return PineconeException.unreachable(PineconeErrorMapper.clip(KeyMask.mask(detail, connection.apiKey())));
    }

    /**
     * A host without a scheme means https; a server that answers plain HTTP there is a setting to fix, not an outage.
     */
    private static PineconeConfigException plainHttp(Connection connection) {
        String authority = authority(connection);
        return new PineconeConfigException(authority + " answered in plain HTTP where HTTPS was expected (a host"
                + " without a scheme means https://). For a plain-HTTP server on this machine (the emulator), write the"
                + " scheme: http://" + authority);
    }

    /** A certificate that is not trusted, or that names another host: a setting to fix, retrying cannot help. */
    private static PineconeConfigException untrusted(Connection connection, Throwable refused) {
        Throwable root = Failure.root(refused);
        return new PineconeConfigException("TLS with " + authority(connection) + " failed ("
                + PineconeErrorMapper.clip(KeyMask.mask(String.valueOf(root.getMessage()), connection.apiKey()))
                + "): if this server is yours, trust its certificate with quarkus.tls.trust-store.pem.certs"
                + " (QUARKUS_TLS_TRUST_STORE_PEM_CERTS, a PEM file)");
    }

    private static String authority(Connection connection) {
        return (connection.indexHost() != null ? connection.host() : connection.controlPlane()).baseUri()
                .getRawAuthority();
    }

    private static PineconeException anomaly(Connection connection, String what) {
        return PineconeException.anomaly(what).redact(connection.apiKey());
    }
}
