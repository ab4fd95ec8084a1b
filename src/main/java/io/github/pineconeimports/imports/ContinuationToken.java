package io.github.pineconeimports.imports;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

import io.github.pineconeimports.failure.InvalidQueryException;

/**
 * Our {@code pagination.next}: where the filtered listing stopped, tied to the query it was issued for. It names
 * the index (its position in the query's sorted index list), Pinecone's token for the page and the position
 * inside that page, and the {@code asOf} of a {@code finishedWithin} window, so the window does not slide from
 * page to page. Opaque to callers and URL-safe.
 *
 * <p>Wire form: {@code pi2.} + base64url(fingerprint LF index LF skip LF asOf LF upstreamToken).
 */
public record ContinuationToken(String fingerprint, int index, int skip, Instant asOf, String upstreamToken) {

    static final String PREFIX = "pi2.";
    static final int MAX_LENGTH = 4096;
    private static final String FIELD = "paginationToken";
    // said to every face: the function's pagination.next, the command line's "more: --page-token"
    private static final String ALLOWED = "the next-page token of an earlier answer to the same query";

    public String encode() {
        String payload = String.join("\n", fingerprint, String.valueOf(index), String.valueOf(skip),
                asOf == null ? "" : asOf.toString(), upstreamToken == null ? "" : upstreamToken);
        return PREFIX + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a token back; its fingerprint is checked against the query by the engine. */
    public static ContinuationToken decode(String token) {
        if (token.length() > MAX_LENGTH) {
            throw invalid(token, "is longer than " + MAX_LENGTH + " characters");
        }
        if (!token.startsWith(PREFIX)) {
            throw invalid(token, "is not a next-page token of ours");
        }
        String payload;
        try {
            payload = new String(Base64.getUrlDecoder().decode(token.substring(PREFIX.length())),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(token, "is malformed (not base64url)");
        }
        String[] parts = payload.split("\n", 5);
        try {
            int index = Integer.parseInt(parts[1]);
            int skip = Integer.parseInt(parts[2]);
            Instant asOf = parts[3].isEmpty() ? null : Instant.parse(parts[3]);
            if (parts[0].isEmpty() || index < 0 || skip < 0
                    || (asOf != null && (asOf.isBefore(ImportQuery.EARLIEST) || asOf.isAfter(ImportQuery.LATEST)))) {
                throw new IllegalArgumentException();
            }
            return new ContinuationToken(parts[0], index, skip, asOf, parts[4].isEmpty() ? null : parts[4]);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException | DateTimeParseException e) {
            throw invalid(token, "is malformed");
        }
    }

    static InvalidQueryException invalid(String token, String problem) {
        return new InvalidQueryException(FIELD, token, ALLOWED, "the token " + problem);
    }
}
