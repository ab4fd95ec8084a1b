package io.github.pineconeimports.client;

import java.time.Duration;

/**
 * How to reach one Pinecone index: the key, the API version, the index host and the timeouts. Immutable: the
 * application builds one from its configuration ({@link #of}), the command line derives one from its options
 * ({@code with...}), and {@link PineconeClient} keeps one REST client per connection.
 */
public record Connection(String apiKey, String apiVersion, String indexHost, Duration connectTimeout, Duration readTimeout) {

    public static final String API_KEY_VARIABLE = "PINECONE_API_KEY";

    public static Connection of(PineconeConfig config) {
        return new Connection(config.apiKey().orElse(null), config.apiVersion(), config.indexHost().orElse(null),
                config.connectTimeout(), config.readTimeout());
    }

    public Connection withApiKey(String key) {
        return new Connection(key, apiVersion, indexHost, connectTimeout, readTimeout);
    }

    public Connection withApiVersion(String version) {
        return new Connection(apiKey, version, indexHost, connectTimeout, readTimeout);
    }

    public Connection withIndexHost(String host) {
        return new Connection(apiKey, apiVersion, host, connectTimeout, readTimeout);
    }

    /** The index host, validated; throws {@link PineconeConfigException} naming what is missing or unusable. */
    public IndexHost host() {
        if (apiKey == null || apiKey.isBlank()) {
            throw new PineconeConfigException(API_KEY_VARIABLE + " is not set: give the API key of the project that holds the index");
        }
        return IndexHost.parse(indexHost);
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "Connection[indexHost=" + indexHost + ", apiVersion=" + apiVersion + ", apiKey=" + (apiKey == null ? "none" : "***") + "]";
    }
}
