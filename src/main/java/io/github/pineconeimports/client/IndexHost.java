package io.github.pineconeimports.client;

import java.net.URI;
import java.util.Locale;

/**
 * Where the index lives. Pinecone hands out a bare host ({@code my-index-abc123.svc.aped-4627-b74a.pinecone.io});
 * that means HTTPS. A full URL is accepted too; plain HTTP only for loopback, so the key never crosses a
 * network in clear text.
 */
public record IndexHost(URI baseUri) {

    public static final String VARIABLE = "PINECONE_INDEX_HOST";

    public static IndexHost parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new PineconeConfigException(VARIABLE + " is not set: give the index host from the Pinecone"
                    + " console or describe_index, e.g. my-index-abc123.svc.aped-4627-b74a.pinecone.io");
        }
        String text = raw.strip();
        URI uri;
        try {
            uri = URI.create(text.contains("://") ? text : "https://" + text);
        } catch (IllegalArgumentException e) {
            throw new PineconeConfigException(VARIABLE + " is not a host name or URL: " + text);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null
                || (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))) {
            throw new PineconeConfigException(VARIABLE + " must be a bare host or scheme://host[:port], not " + text);
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new PineconeConfigException(VARIABLE + " uses plain http, which is only allowed for loopback"
                    + " (localhost, 127.0.0.1, [::1]): use https://" + uri.getAuthority());
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new PineconeConfigException(VARIABLE + " must use https (or http for loopback), not " + scheme);
        }
        return new IndexHost(URI.create(scheme + "://" + uri.getRawAuthority()));
    }

    public String host() {
        return baseUri.getHost();
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }

    @Override
    public String toString() {
        return baseUri.toString();
    }
}
