package io.github.pineconeimports.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import io.github.pineconeimports.client.ImportFacts;

/**
 * What a caller wants listed. Typed callers use {@link #builder()}; text input (query parameters, JSON fields,
 * events) goes through {@link QueryText#parse}. Either way {@link QueryBuilder#build()} judges the combination, so
 * every face accepts and rejects exactly the same things.
 *
 * @param statuses the statuses to keep; empty keeps every import, whatever its status
 * @param mode     a page of matches, every match, their counts, or a census
 * @param limit    matching imports per answer, 1..100 (a page's)
 * @param cursor   where an earlier answer stopped, or null to start at the beginning
 * @param created  keep imports created in this window
 * @param finished keep imports that finished in this window (an import with no {@code finishedAt} never does)
 * @param asOf     the end of a {@code finishedWithin} window, kept in continuation tokens; null otherwise
 * @param indexes  index names, sorted, or {@code ["*"]} for every index of the project; empty for the configured
 *                 index
 */
public record ImportQuery(Set<ImportStatus> statuses, Mode mode, int limit, ContinuationToken cursor, Window created,
        Window finished, Instant asOf, List<String> indexes) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 100;
    /** The instants a filter may name: RFC 3339's years, the timestamps Pinecone writes. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    /**
     * The longest finishedWithin: a hundred years reaches any import, and the window stays inside the instants above.
     */
    public static final Duration MAX_SPAN = Duration.ofDays(36_500);

    public ImportQuery {
        statuses = statuses.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(statuses));
        indexes = List.copyOf(indexes);
    }

    /** The same filter over the same indexes, answered in {@code other} mode. */
    public ImportQuery answered(Mode other) {
        return new ImportQuery(statuses, other, limit, cursor, created, finished, asOf, indexes);
    }

    public static QueryBuilder builder() {
        return new QueryBuilder();
    }

    /** Whether an import passes the status filter and both time windows. */
    public boolean matches(ImportFacts model) {
        if (!statuses.isEmpty() && !hasStatus(model.status())) {
            return false;
        }
        return created.contains(model.createdAt()) && finished.contains(model.finishedAt());
    }

    private boolean hasStatus(String status) {
        for (ImportStatus wanted : statuses) {
            if (wanted.matches(status)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Identifies the filter (not the page size) over the given indexes, so that a continuation token is only
     * accepted by the query that issued it, over the same indexes.
     */
    public String fingerprint(String indexes) {
        String filter = indexes + "|" + statuses.stream().map(ImportStatus::wire).sorted().toList() + "|" + created
                + "|" + finished;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(filter.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
