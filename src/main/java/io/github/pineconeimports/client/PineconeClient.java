package io.github.pineconeimports.client;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * The one way to call Pinecone. Builds the REST client on first use from {@link PineconeConfig} (so a missing
 * setting fails the call that needs it, with a message naming the variable), sends the key only to the
 * configured host, follows no redirects, and turns transport failures into {@link PineconeException}.
 */
@ApplicationScoped
public class PineconeClient {

    public static final String API_KEY_VARIABLE = "PINECONE_API_KEY";

    @Inject
    PineconeConfig config;

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

    public ListImportsResponse listImports(int limit, String paginationToken) {
        return call(() -> api().listImports(limit, paginationToken));
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
        } catch (ProcessingException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String detail = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
            throw new PineconeException(0, null, detail, null).redact(apiKey());
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
