package io.github.pineconeimports.client;

import java.time.Duration;

import io.github.pineconeimports.failure.PineconeConfigException;

/**
 * How to reach Pinecone: the key, the API version, the control plane, the index (a host, or a name the control
 * plane turns into one) and the timeouts. Immutable: the application builds one from its configuration
 * ({@link #of}), the command line derives one from its options ({@code with...}), and {@link PineconeClient}
 * keeps one REST client per host and connection. {@code keyId} is the key's digest, made with the connection (give
 * null; any other must be the key's), so that clients and caches keyed on the key never hash it per page, and
 * nothing keeps a raw key to skip the hash.
 */
public record Connection(String apiKey, String apiVersion, String indexHost, String index, String controllerHost,
        Duration connectTimeout, Duration readTimeout, KeyId keyId) {

    public static final String API_KEY_VARIABLE = "PINECONE_API_KEY";
    public static final String INDEX_VARIABLE = "PINECONE_INDEX";
    public static final String MISSING_KEY = API_KEY_VARIABLE
            + " is not set: give the API key of the project that holds the"
            + " index (or, on Lambda, the Secrets Manager secret that holds it, as PINECONE_API_KEY_SECRET)";

    /** A key as it is often stored (a secret or file ending in a newline): what surrounds it is not part of it. */
    public Connection {
        apiKey = apiKey == null ? null : apiKey.strip();
        KeyId digest = apiKey == null ? null : KeyId.of(apiKey);
        if (keyId != null && !keyId.equals(digest)) {
            throw new IllegalArgumentException("keyId is not the digest of apiKey: give null");
        }
        keyId = digest;
    }

    public Connection(String apiKey, String apiVersion, String indexHost, String index, String controllerHost,
            Duration connectTimeout, Duration readTimeout) {
        this(apiKey, apiVersion, indexHost, index, controllerHost, connectTimeout, readTimeout, null);
    }

    /** Where the configuration points; the key is not part of it (it comes through {@link ApiKeys}). */
    public static Connection of(PineconeConfig config) {
        return new Connection(null, config.apiVersion(), config.indexHost().orElse(null),
                config.index().orElse(null), config.controllerHost(), config.connectTimeout(), config.readTimeout());
    }

    public Connection withApiKey(String key) {
        return new Connection(key, apiVersion, indexHost, index, controllerHost, connectTimeout, readTimeout);
    }

    public Connection withApiVersion(String version) {
        return new Connection(apiKey, version, indexHost, index, controllerHost, connectTimeout, readTimeout);
    }

    public Connection withIndexHost(String host) {
        return new Connection(apiKey, apiVersion, host, index, controllerHost, connectTimeout, readTimeout);
    }

    public Connection withControllerHost(String host) {
        return new Connection(apiKey, apiVersion, indexHost, index, host, connectTimeout, readTimeout);
    }

    /** Refuses an index named both ways: by name ({@value #INDEX_VARIABLE}) and by host. */
    public Connection oneIndex() {
        if (indexHost != null && index != null) {
            throw new PineconeConfigException(INDEX_VARIABLE + " and " + IndexHost.VARIABLE
                    + " are both set: keep one");
        }
        return this;
    }

    /** The index host, validated; throws {@link PineconeConfigException} naming what is missing or unusable. */
    public IndexHost host() {
        key();
        return IndexHost.parse(indexHost);
    }

    /** The control plane, validated likewise. */
    public IndexHost controlPlane() {
        key();
        return IndexHost.controller(controllerHost);
    }

    private void key() {
        if (apiKey == null || apiKey.isBlank()) {
            throw new PineconeConfigException(MISSING_KEY);
        }
        // a header carries visible ASCII only: anything else would be refused by the HTTP client, echoing the key
        if (!apiKey.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            throw new PineconeConfigException("the API key holds a space, a line break or a character outside ASCII"
                    + " inside it: check " + API_KEY_VARIABLE + " (or the file or secret it comes from)");
        }
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "Connection[indexHost=" + indexHost + ", index=" + index + ", controllerHost=" + controllerHost
                + ", apiVersion="
                + apiVersion + ", apiKey=" + (apiKey == null ? "none" : "***") + "]";
    }
}
