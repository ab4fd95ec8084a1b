package io.github.pineconeimports.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.github.pineconeimports.client.ImportFacts;

/**
 * What a caller wants listed. Typed callers use {@link #builder()}; text input (query parameters, JSON fields,
 * events) goes through {@link QueryText#parse}. Either way {@link Builder#build()} judges the combination, so
 * every face accepts and rejects exactly the same things.
 *
 * @param statuses the statuses to keep; empty keeps every import, whatever its status
 * @param limit    matching imports per answer, 1..100
 * @param all      every match in one answer (no {@code limit})
 * @param cursor   where an earlier answer stopped, or null to start at the beginning
 * @param created  keep imports created in this window
 * @param finished keep imports that finished in this window (an import with no {@code finishedAt} never does)
 * @param asOf     the end of a {@code finishedWithin} window, kept in continuation tokens; null otherwise
 * @param indexes  index names, sorted, or {@code ["*"]} for every index of the project; empty for the configured
 *                 index
 */
public record ImportQuery(Set<ImportStatus> statuses, int limit, boolean all, ContinuationToken cursor, Window created,
        Window finished, Instant asOf, List<String> indexes) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 100;
    /** Every index of the project. */
    public static final String EVERY_INDEX = "*";
    /** Pinecone's rule for index names: 1 to 45 lower-case letters, digits and '-', starting and ending alphanumeric. */
    private static final Pattern INDEX_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,43}[a-z0-9])?");
    static final String INDEX_ALLOWED = "index names (1-45 of a-z, 0-9 and '-'), or * for every index";

    public ImportQuery {
        statuses = statuses.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(statuses));
        indexes = List.copyOf(indexes);
    }

    public static Builder builder() {
        return new Builder();
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
        String filter = indexes + "|" + statuses.stream().map(ImportStatus::wire).sorted().toList() + "|" + created + "|"
                + finished;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(filter.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Collects typed values; {@link #build()} checks them together and names the field that does not fit. */
    public static final class Builder {
        private final Set<ImportStatus> statuses = EnumSet.noneOf(ImportStatus.class);
        private Integer limit;
        private boolean all;
        private String paginationToken;
        private Instant since;
        private Instant until;
        private Instant finishedSince;
        private Instant finishedUntil;
        private Duration finishedWithin;
        private Instant asOf;
        private Instant defaultAsOf;
        private final Set<String> indexes = new TreeSet<>();

        private Builder() {
        }

        /** Index names to list, or {@code *} for every index; none lists the configured index. */
        public Builder indexes(Collection<String> names) {
            for (String name : names) {
                if (!name.equals(EVERY_INDEX) && !INDEX_NAME.matcher(name).matches()) {
                    throw new InvalidQueryException("index", name, INDEX_ALLOWED,
                            "'" + InvalidQueryException.clip(name) + "' is not an index name");
                }
                indexes.add(name);
            }
            if (indexes.contains(EVERY_INDEX) && indexes.size() > 1) {
                throw new InvalidQueryException("index", String.join(",", indexes), INDEX_ALLOWED,
                        "* already means every index; name indexes or give *, not both");
            }
            return this;
        }

        public Builder statuses(Collection<ImportStatus> wanted) {
            statuses.addAll(wanted);
            return this;
        }

        /** Matches per answer, 1..100; without it, 100. */
        public Builder limit(Integer perAnswer) {
            limit = perAnswer;
            return this;
        }

        public Builder all(boolean everything) {
            all = everything;
            return this;
        }

        /** The {@code pagination.next} of an earlier answer, or null. */
        public Builder paginationToken(String token) {
            paginationToken = token == null || token.isBlank() ? null : token.strip();
            return this;
        }

        public Builder createdSince(Instant at) {
            since = at;
            return this;
        }

        public Builder createdUntil(Instant at) {
            until = at;
            return this;
        }

        public Builder finishedSince(Instant at) {
            finishedSince = at;
            return this;
        }

        public Builder finishedUntil(Instant at) {
            finishedUntil = at;
            return this;
        }

        /** Finished in {@code [asOf - span, asOf)}. */
        public Builder finishedWithin(Duration span) {
            finishedWithin = span;
            return this;
        }

        /** The end of the {@code finishedWithin} window; without it, the default below, else now. */
        public Builder asOf(Instant at) {
            asOf = at;
            return this;
        }

        /** What {@code asOf} means when the caller gives none: the time of the trigger that fired, say. */
        public Builder defaultAsOf(Instant at) {
            defaultAsOf = at;
            return this;
        }

        public ImportQuery build() {
            if (limit != null && all) {
                throw new InvalidQueryException("limit", String.valueOf(limit), "limit or all=true, not both",
                        "limit cannot be combined with all=true, which returns every match");
            }
            if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
                throw new InvalidQueryException("limit", String.valueOf(limit), QueryText.LIMIT_ALLOWED, limit + " is out of range");
            }
            ContinuationToken cursor = paginationToken == null ? null : ContinuationToken.decode(paginationToken);
            if (since != null && until != null && !since.isBefore(until)) {
                throw new InvalidQueryException("until", until.toString(), "an instant after since", "until must be after since");
            }
            Window finished = finishedWindow(cursor);
            return new ImportQuery(statuses, limit == null ? DEFAULT_LIMIT : limit, all, cursor, new Window(since, until),
                    finished, finishedWithin == null ? null : finished.until(), List.copyOf(indexes));
        }

        /**
         * {@code [finishedSince, finishedUntil)}, or {@code [asOf - finishedWithin, asOf)}. A walk keeps the asOf it
         * started with: a token carries it, so the window does not slide from page to page.
         */
        private Window finishedWindow(ContinuationToken cursor) {
            if (finishedWithin == null) {
                if (asOf != null) {
                    throw new InvalidQueryException("asOf", asOf.toString(), "asOf together with finishedWithin",
                            "asOf is the end of a finishedWithin window; give finishedWithin too");
                }
                if (finishedSince != null && finishedUntil != null && !finishedSince.isBefore(finishedUntil)) {
                    throw new InvalidQueryException("finishedUntil", finishedUntil.toString(), "an instant after finishedSince",
                            "finishedUntil must be after finishedSince");
                }
                return new Window(finishedSince, finishedUntil);
            }
            if (finishedSince != null || finishedUntil != null) {
                throw new InvalidQueryException("finishedWithin", finishedWithin.toString(),
                        "finishedWithin (with asOf), or finishedSince and finishedUntil, not both",
                        "finishedWithin cannot be combined with finishedSince or finishedUntil");
            }
            if (finishedWithin.isNegative() || finishedWithin.isZero()) {
                throw new InvalidQueryException("finishedWithin", finishedWithin.toString(), QueryText.DURATION_ALLOWED,
                        "the duration must be positive");
            }
            Instant end = asOf != null ? asOf
                    : cursor != null && cursor.asOf() != null ? cursor.asOf()
                    : defaultAsOf != null ? defaultAsOf : Instant.now();
            return new Window(end.minus(finishedWithin), end);
        }
    }
}
