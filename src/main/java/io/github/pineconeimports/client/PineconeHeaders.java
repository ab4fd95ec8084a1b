package io.github.pineconeimports.client;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

import io.github.pineconeimports.failure.PineconeException;

/**
 * Adds {@code Api-Key}, {@code X-Pinecone-Api-Version} and our {@code User-Agent} to each request, and only to
 * requests for the client's own host: a request for any other host fails before it leaves, so the key cannot travel
 * there by mistake.
 */
class PineconeHeaders implements ClientRequestFilter {

    private final String apiKey;
    private final String apiVersion;
    private final String host;
    private final String userAgent;

    PineconeHeaders(String apiKey, String apiVersion, String host, String userAgent) {
        this.apiKey = apiKey;
        this.apiVersion = apiVersion;
        this.host = host;
        this.userAgent = userAgent;
    }

    @Override
    public void filter(ClientRequestContext request) {
        String target = request.getUri().getHost();
        if (target == null || !target.equalsIgnoreCase(host)) {
            // a refusal, not an outage: never retried, and said as what it is
            throw PineconeException.refused("refusing to send the API key to " + target + ", not the index host "
                    + host);
        }
        request.getHeaders().putSingle("Api-Key", apiKey);
        request.getHeaders().putSingle("X-Pinecone-Api-Version", apiVersion);
        request.getHeaders().putSingle("User-Agent", userAgent);
    }
}
