package io.github.pineconeimports.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.quarkus.arc.DefaultBean;

/**
 * The default key door: {@code PINECONE_API_KEY}, fixed. The Lambda build brings its own door, which also reads
 * secrets. */
@ApplicationScoped
public class FixedApiKey {

    @Produces
    @DefaultBean
    @ApplicationScoped
    ApiKeys apiKeys(PineconeConfig config) {
        return ApiKeys.fixed(config.apiKey().orElse(null));
    }
}
