package io.github.pineconeimports.imports;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import io.github.pineconeimports.failure.InvalidQueryException;

/**
 * What {@link ImportQuery#builder()} hands out: collects typed values; {@link #build()} checks them together and
 * names the field that does not fit.
 */
public final class QueryBuilder {

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
    private Function<String, String> names = Function.identity();

    QueryBuilder() {
    }

    /** How errors name fields as the caller typed them: {@code limit} for the function, {@code --limit} for the CLI. */
    public QueryBuilder names(Function<String, String> typed) {
        names = typed;
        return this;
    }

    /** Index names to list, or {@code *} for every index; none lists the configured index. */
    public QueryBuilder indexes(Collection<String> given) {
        indexes.addAll(IndexNames.check(given));
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
        paginationToken = token;
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
            String both = names.apply("limit") + " or " + names.apply("all") + ", not both";
            throw new InvalidQueryException("limit", String.valueOf(limit), both,
                    names.apply("limit") + " cannot be combined with " + names.apply("all")
                            + ", which returns every match");
        }
        if (limit != null && (limit < 1 || limit > ImportQuery.MAX_LIMIT)) {
            throw new InvalidQueryException("limit", String.valueOf(limit), QueryText.LIMIT_ALLOWED,
                    limit + " is out of range");
        }
        inRange("since", since);
        inRange("until", until);
        inRange("finishedSince", finishedSince);
        inRange("finishedUntil", finishedUntil);
        inRange("asOf", asOf);
        if (finishedWithin != null && finishedWithin.compareTo(ImportQuery.MAX_SPAN) > 0) {
            throw new InvalidQueryException("finishedWithin", finishedWithin.toString(), QueryText.DURATION_ALLOWED,
                    names.apply("finishedWithin") + " is out of range");
        }
        if (counts) {
            notWithCounts("limit", limit == null ? null : String.valueOf(limit));
            notWithCounts("all", all ? "true" : null);
            notWithCounts("paginationToken", paginationToken);
        }
        ContinuationToken cursor = paginationToken == null ? null : ContinuationToken.decode(paginationToken.strip());
        Window created = Window.between("since", since, "until", until, names);
        Window finished = finishedWindow(cursor);
        int perAnswer = limit == null ? ImportQuery.DEFAULT_LIMIT : limit;
        Mode mode = counts ? Mode.COUNTS : all ? Mode.ALL : Mode.PAGE;
        return new ImportQuery(statuses, mode, perAnswer, cursor, created, finished,
                finishedWithin == null ? null : finished.until(), List.copyOf(indexes));
    }

    private void inRange(String field, Instant at) {
        if (at != null && (at.isBefore(ImportQuery.EARLIEST) || at.isAfter(ImportQuery.LATEST))) {
            throw new InvalidQueryException(field, at.toString(), QueryText.INSTANT_ALLOWED,
                    names.apply(field) + " is out of range");
        }
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
        String within = names.apply("finishedWithin");
        if (finishedWithin == null && asOf != null) {
            throw new InvalidQueryException("asOf", asOf.toString(), names.apply("asOf") + " together with " + within,
                    names.apply("asOf") + " is the end of a " + within + " window; give " + within + " too");
        }
        if (finishedWithin == null) {
            return Window.between("finishedSince", finishedSince, "finishedUntil", finishedUntil, names);
        }
        if (finishedSince != null || finishedUntil != null) {
            String from = names.apply("finishedSince");
            String to = names.apply("finishedUntil");
            throw new InvalidQueryException("finishedWithin", finishedWithin.toString(), within + " (with "
                    + names.apply("asOf") + "), or " + from + " and " + to + ", not both",
                    within + " cannot be combined with " + from + " or " + to);
        }
        if (finishedWithin.isNegative() || finishedWithin.isZero()) {
            throw new InvalidQueryException("finishedWithin", finishedWithin.toString(), QueryText.DURATION_ALLOWED,
                    "the duration must be positive");
        }
        Instant end = asOf != null ? asOf
                : cursor != null && cursor.asOf() != null ? cursor.asOf()
                : defaultAsOf != null ? defaultAsOf : Instant.now();
        inRange("time", end); // only a trigger's time (a CloudEvent's) can still be out of range here
        if (end.minus(finishedWithin).isBefore(ImportQuery.EARLIEST)) {
            throw new InvalidQueryException("finishedWithin", finishedWithin.toString(), QueryText.DURATION_ALLOWED,
                    "the window would start before " + ImportQuery.EARLIEST + "; shorten " + within);
        }
        return new Window(end.minus(finishedWithin), end);
    }
}
