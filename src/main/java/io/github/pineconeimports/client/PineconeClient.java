package io.github.pineconeimports.client;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.Retry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.faulttolerance.api.CustomBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * The one way to call Pinecone. Builds the REST client on first use from {@link PineconeConfig} (so a missing
 * setting fails the call that needs it, with a message naming the variable), sends the key only to the
 * configured host, follows no redirects, and turns transport failures into {@link PineconeException}.
 */
@ApplicationScoped
public class PineconeClient {

    public static final String API_KEY_VARIABLE = "PINECONE_API_KEY";
    /** 100 imports with long URIs and error texts stay far below this. */
    static final int MAX_BODY_CHARS = 4 * 1024 * 1024;

    @Inject
    PineconeConfig config;

    @Inject
    ObjectMapper json;

    private volatile PineconeApi api;
    private volatile IndexHost indexHost;
    private volatile String hostOverride;
    private volatile String versionOverride;
    private volatile String keyOverride;

    /**
     * Replaces configured settings for this process (the command line's {@code --host}, {@code --api-version}
     * and key options); null keeps the configured value.
     */
    public synchronized void useConnection(String host, String apiVersion, String apiKey) {
        hostOverride = host;
        versionOverride = apiVersion;
        keyOverride = apiKey;
        api = null;
    }

    /**
     * One page. Transient failures are retried (see {@link RetryPolicy}) within the caller's {@link Deadline};
     * the retry settings can be tuned with MicroProfile Fault Tolerance configuration, e.g.
     * {@code io.github.pineconeimports.client.PineconeClient/listImports/Retry/maxRetries}.
     */
    @Retry(maxRetries = 4, delay = 250, jitter = 0, maxDuration = 60, durationUnit = ChronoUnit.SECONDS)
    @RetryWhen(exception = RetryPolicy.Transient.class)
    @CustomBackoff(RetryPolicy.Backoff.class)
    public ListImportsResponse listImports(int limit, String paginationToken) {
        Deadline.check();
        return parse(call(() -> api().listImports(limit, paginationToken)));
    }

    /** A page is JSON of bounded size, or it is an anomaly: reported, and not worth a retry. */
    private ListImportsResponse parse(String body) {
        if (body == null || body.isBlank()) {
            throw anomaly("an empty answer");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw anomaly("a body over the " + MAX_BODY_CHARS + "-character cap");
        }
        if (body.stripLeading().charAt(0) != '{') {
            throw anomaly("an answer that is not a JSON object (" + PineconeErrorMapper.clip(body.substring(0, Math.min(body.length(), 60))) + ")");
        }
        try {
            return json.readValue(body, ListImportsResponse.class);
        } catch (JsonProcessingException e) {
            throw anomaly("malformed JSON (" + PineconeErrorMapper.clip(e.getOriginalMessage()) + ")");
        }
    }

    private PineconeException anomaly(String what) {
        return new PineconeException(200, null, what, null).redact(apiKey());
    }

    public ImportModel describeImport(String id) {
        return call(() -> api().describeImport(id));
    }

    /** The configured index host, validated; throws {@link PineconeConfigException} when it is unusable. */
    public IndexHost indexHost() {
        api();
        return indexHost;
    }

    private <T> T call(java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (PineconeException e) {
            throw e.redact(apiKey());
        } catch (ProcessingException | WebApplicationException e) {
            Throwable root = e;
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof PineconeException known) {
                    throw known.redact(apiKey());
                }
                if (t instanceof JsonProcessingException malformed) {
                    throw anomaly("malformed JSON (" + PineconeErrorMapper.clip(malformed.getOriginalMessage()) + ")");
                }
                root = t;
            }
            String detail = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
            throw new PineconeException(0, null, PineconeErrorMapper.clip(detail), null).redact(apiKey());
        }
    }

    private String apiKey() {
        return keyOverride != null ? keyOverride : config.apiKey().orElse(null);
    }

    private PineconeApi api() {
        PineconeApi current = api;
        if (current == null) {
            synchronized (this) {
                if (api == null) {
                    String key = apiKey();
                    if (key == null || key.isBlank()) {
                        throw new PineconeConfigException(
                                API_KEY_VARIABLE + " is not set: give the API key of the project that holds the index");
                    }
                    IndexHost host = IndexHost.parse(hostOverride != null ? hostOverride : config.indexHost().orElse(null));
                    String version = versionOverride != null ? versionOverride : config.apiVersion();
                    api = QuarkusRestClientBuilder.newBuilder()
                            .baseUri(host.baseUri())
                            .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                            .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                            .followRedirects(false)
                            .register(new PineconeHeaders(key, version, host.host()))
                            .build(PineconeApi.class);
                    indexHost = host;
                }
                current = api;
            }
        }
        return current;
    }
}
