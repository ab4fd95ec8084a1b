package io.github.pineconeimports.client;

import java.net.URI;
import java.util.Locale;

import io.github.pineconeimports.failure.PineconeConfigException;
import io.github.pineconeimports.failure.PineconeException;

/**
 * Where the index lives. Pinecone hands out a bare host ({@code my-index-abc123.svc.aped-4627-b74a.pinecone.io});
 * that means HTTPS. A full URL is accepted too; plain HTTP only for loopback, so the key never crosses a
 * network in clear text.
 */
public record IndexHost(URI baseUri) {

    public static final String VARIABLE = "PINECONE_INDEX_HOST";
    public static final String CONTROLLER_VARIABLE = "PINECONE_CONTROLLER_HOST";

    /** {@code PINECONE_INDEX_HOST}: the one index to list. */
    public static IndexHost parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new PineconeConfigException(VARIABLE + " is not set: give the index host from the Pinecone"
                    + " console or describe_index, e.g. my-index-abc123.svc.aped-4627-b74a.pinecone.io, or name the"
                    + " index (PINECONE_INDEX, the call's index field, or --index)");
        }
        return parse(raw, VARIABLE);
    }

    /** {@code PINECONE_CONTROLLER_HOST}: the control plane that turns index names into hosts. */
    public static IndexHost controller(String raw) {
        return parse(raw, CONTROLLER_VARIABLE);
    }

    /**
     * The host the control plane gave for {@code index}, if the key may go there: HTTPS inside
     * {@code *.pinecone.io}, or, when the control plane itself is on a loopback address (the emulator, tests),
     * that same address. A bare host is HTTPS, except on that loopback address, where it takes the control plane's
     * own scheme (plain HTTP for the emulator). Any other host is refused before a request is sent.
     */
    static IndexHost given(IndexHost controlPlane, String index, String raw) {
        if (raw == null || raw.isBlank()) {
            throw PineconeException.anomaly("the control plane gave no host for index '" + index + "'");
        }
        String text = raw.strip();
        URI uri;
        try {
            boolean home = controlPlane.isLoopback() && !text.contains("://")
                    && controlPlane.host().equalsIgnoreCase(URI.create("http://" + text).getHost());
            uri = URI.create(text.contains("://") ? text : (home ? controlPlane.baseUri().getScheme() : "https")
                    + "://" + text);
        } catch (IllegalArgumentException e) {
            throw refused(index, text);
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean bare = uri.getUserInfo() == null && uri.getQuery() == null && uri.getFragment() == null
                && (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"));
        boolean pinecone = "https".equals(uri.getScheme()) && host.endsWith(".pinecone.io");
        boolean sameLoopback = controlPlane.isLoopback() && host.equals(controlPlane.host().toLowerCase(Locale.ROOT))
                && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        if (!bare || !(pinecone || sameLoopback) || uri.getPort() > 65535) {
            throw refused(index, text);
        }
        return new IndexHost(URI.create(uri.getScheme() + "://" + uri.getRawAuthority()));
    }

    private static PineconeException refused(String index, String host) {
        return PineconeException.anomaly("refusing to send the API key to " + PineconeErrorMapper.clip(host)
                + ", the host the control plane gave for index '" + index + "': only HTTPS hosts in *.pinecone.io"
                + " (or the control plane's own loopback address) receive it");
    }

    boolean isLoopback() {
        return isLoopback(host());
    }

    private static IndexHost parse(String raw, String variable) {
        String text = raw.strip();
        URI uri;
        try {
            uri = URI.create(text.contains("://") ? text : "https://" + text);
        } catch (IllegalArgumentException e) {
            throw new PineconeConfigException(variable + " is not a host name or URL: " + text);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null
                || (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))) {
            throw new PineconeConfigException(variable + " must be a bare host or scheme://host[:port], not " + text);
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new PineconeConfigException(variable + " uses plain http, which is only allowed for loopback"
                    + " (localhost, 127.0.0.1, [::1]): use https://" + uri.getAuthority());
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new PineconeConfigException(variable + " must use https (or http for loopback), not " + scheme);
        }
        if (uri.getPort() > 65535) {
            throw new PineconeConfigException(variable + " names port " + uri.getPort()
                    + ", which does not exist (1 to 65535)");
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
