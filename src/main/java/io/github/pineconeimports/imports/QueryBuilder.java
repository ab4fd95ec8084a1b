package io.github.pineconeimports.imports;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What {@link ImportQuery#builder()} hands out: collects typed values; {@link #build()} checks them together and
 * names the field that does not fit.
 */
public final class QueryBuilder {

    /** Pinecone's rule for index names: 1 to 45 lower-case letters, digits and '-', starting and ending alphanumeric. */
    private static final Pattern INDEX_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,43}[a-z0-9])?");
    static final String INDEX_ALLOWED = "index names (1-45 of a-z, 0-9 and '-'), or * for every index";

    private final Set<ImportStatus> statuses = EnumSet.noneOf(ImportStatus.class);
    private Integer limit;
    private boolean all;
    private boolean counts;
    private String paginationToken;
    private Instant since;
    private Instant until;
    private Instant finishedSince;
    private Instant finishedUntil;
    private Duration finishedWithin;
    private Instant asOf;
    private Instant defaultAsOf;
    private final Set<String> indexes = new TreeSet<>();

    QueryBuilder() {
    }

    /** Index names to list, or {@code *} for every index; none lists the configured index. */
    public QueryBuilder indexes(Collection<String> names) {
        for (String name : names) {
            if (!name.equals(ImportQuery.EVERY_INDEX) && !INDEX_NAME.matcher(name).matches()) {
                throw new InvalidQueryException("index", name, INDEX_ALLOWED,
                        "'" + InvalidQueryException.clip(name) + "' is not an index name");
            }
            indexes.add(name);
        }
        if (indexes.contains(ImportQuery.EVERY_INDEX) && indexes.size() > 1) {
            throw new InvalidQueryException("index", String.join(",", indexes), INDEX_ALLOWED,
                    "* already means every index; name indexes or give *, not both");
        }
        return this;
    }

    public QueryBuilder statuses(Collection<ImportStatus> wanted) {
        statuses.addAll(wanted);
        return this;
    }

    /** Matches per answer, 1..100; without it, 100. */
    public QueryBuilder limit(Integer perAnswer) {
        limit = perAnswer;
        return this;
    }

    public QueryBuilder all(boolean everything) {
        all = everything;
        return this;
    }

    /** Only how many imports match, by status (and index): no imports, no paging. */
    public QueryBuilder counts(boolean only) {
        counts = only;
        return this;
    }

    /** The {@code pagination.next} of an earlier answer, or null. */
    public QueryBuilder paginationToken(String token) {
        paginationToken = token == null || token.isBlank() ? null : token.strip();
        return this;
    }

    public QueryBuilder createdSince(Instant at) {
        since = at;
        return this;
    }

    public QueryBuilder createdUntil(Instant at) {
        until = at;
        return this;
    }

    public QueryBuilder finishedSince(Instant at) {
        finishedSince = at;
        return this;
    }

    public QueryBuilder finishedUntil(Instant at) {
        finishedUntil = at;
        return this;
    }

    /** Finished in {@code [asOf - span, asOf)}. */
    public QueryBuilder finishedWithin(Duration span) {
        finishedWithin = span;
        return this;
    }

    /** The end of the {@code finishedWithin} window; without it, the default below, else now. */
    public QueryBuilder asOf(Instant at) {
        asOf = at;
        return this;
    }

    /** What {@code asOf} means when the caller gives none: the time of the trigger that fired, say. */
    public QueryBuilder defaultAsOf(Instant at) {
        defaultAsOf = at;
        return this;
    }

    public ImportQuery build() {
        if (limit != null && all) {
            throw new InvalidQueryException("limit", String.valueOf(limit), "limit or all=true, not both",
                    "limit cannot be combined with all=true, which returns every match");
        }
        if (limit != null && (limit < 1 || limit > ImportQuery.MAX_LIMIT)) {
            throw new InvalidQueryException("limit", String.valueOf(limit), QueryText.LIMIT_ALLOWED, limit + " is out of range");
        }
        if (counts) {
            notWithCounts("limit", limit == null ? null : String.valueOf(limit));
            notWithCounts("all", all ? "true" : null);
            notWithCounts("paginationToken", paginationToken);
        }
        ContinuationToken cursor = paginationToken == null ? null : ContinuationToken.decode(paginationToken);
        if (since != null && until != null && !since.isBefore(until)) {
            throw new InvalidQueryException("until", until.toString(), "an instant after since", "until must be after since");
        }
        Window finished = finishedWindow(cursor);
        return new ImportQuery(statuses, limit == null ? ImportQuery.DEFAULT_LIMIT : limit, all, counts, cursor, new Window(since, until),
                finished, finishedWithin == null ? null : finished.until(), List.copyOf(indexes));
    }

    private static void notWithCounts(String field, String value) {
        if (value != null) {
            throw new InvalidQueryException(field, value, "counts=true without " + field,
                    "counts=true counts every match in one answer; it cannot be combined with " + field);
        }
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
