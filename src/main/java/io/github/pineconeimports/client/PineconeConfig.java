package io.github.pineconeimports.client;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The Pinecone connection. Standard MicroProfile config, so {@code PINECONE_API_KEY},
 * {@code pinecone.api-key} in application.properties and {@code -Dpinecone.api-key} all work.
 * Key and host are optional here so that a missing one is a clear error at call time (and a failing
 * readiness check) rather than a start-up crash.
 */
@ConfigMapping(prefix = "pinecone")
public interface PineconeConfig {

    /** {@code PINECONE_API_KEY}. */
    Optional<String> apiKey();

    /**
     * {@code PINECONE_API_KEY_SECRET}: instead of the key, the Secrets Manager secret that holds it (read by the
     * Lambda build, see function.lambda.SecretApiKey). */
    Optional<String> apiKeySecret();

    /** {@code PINECONE_API_KEY_SECRET_TTL}: how long a key read from the secret is used before it is read again. */
    @WithDefault("5m")
    Duration apiKeySecretTtl();

    /** {@code PINECONE_INDEX_HOST}: a bare host (HTTPS) or a URL (http only for loopback). */
    Optional<String> indexHost();

    /** {@code PINECONE_INDEX}: the index to list when a call names none; its host comes from the control plane. */
    Optional<String> index();

    /** {@code PINECONE_CONTROLLER_HOST}, as the official Python SDK reads it: where index names become hosts. */
    @WithDefault("https://api.pinecone.io")
    String controllerHost();

    /** {@code PINECONE_INDEX_CACHE_TTL}: how long a name's host (and the list of indexes) is remembered. */
    @WithDefault("5m")
    Duration indexCacheTtl();

    /** {@code PINECONE_API_VERSION}, sent as {@code X-Pinecone-Api-Version}. */
    @WithDefault("2025-01")
    String apiVersion();

    @WithDefault("2s")
    Duration connectTimeout();

    @WithDefault("5s")
    Duration readTimeout();

    /** {@code PINECONE_RETRIES}: further attempts of a call that failed transiently (429, 5xx, no answer). */
    @WithDefault("4")
    int retries();

    /** {@code PINECONE_RETRY_DELAY}: the first backoff bound; it doubles per attempt, up to 4 s, with full jitter. */
    @WithDefault("250ms")
    Duration retryDelay();
}
