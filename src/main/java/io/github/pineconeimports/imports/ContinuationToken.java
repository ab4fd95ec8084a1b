package io.github.pineconeimports.imports;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Our {@code pagination.next}: where the filtered listing stopped, as the upstream page token plus the
 * position inside that page, tied to the query it was issued for. It is opaque to callers and URL-safe.
 *
 * <p>Wire form: {@code pi1.} + base64url(fingerprint LF skip LF upstreamToken).
 */
public record ContinuationToken(String upstreamToken, int skip, String fingerprint) {

    static final String PREFIX = "pi1.";
    static final int MAX_LENGTH = 4096;
    private static final String FIELD = "paginationToken";
    private static final String ALLOWED = "the pagination.next of an earlier listImports answer";

    public String encode() {
        String payload = fingerprint + "\n" + skip + "\n" + (upstreamToken == null ? "" : upstreamToken);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a token back; its fingerprint is checked against the query by the engine. */
    public static ContinuationToken decode(String token) {
        if (token.length() > MAX_LENGTH) {
            throw invalid(token, "is longer than " + MAX_LENGTH + " characters");
        }
        if (!token.startsWith(PREFIX)) {
            throw invalid(token, "is not a token issued by listImports");
        }
        String payload;
        try {
            payload = new String(Base64.getUrlDecoder().decode(token.substring(PREFIX.length())), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(token, "is malformed (not base64url)");
        }
        String[] parts = payload.split("\n", 3);
        if (parts.length != 3 || parts[0].isEmpty()) {
            throw invalid(token, "is malformed");
        }
        int skip;
        try {
            skip = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw invalid(token, "is malformed");
        }
        if (skip < 0) {
            throw invalid(token, "is malformed");
        }
        return new ContinuationToken(parts[2].isEmpty() ? null : parts[2], skip, parts[0]);
    }

    static InvalidQueryException invalid(String token, String problem) {
        return new InvalidQueryException(FIELD, token, ALLOWED, "the token " + problem);
    }
}
