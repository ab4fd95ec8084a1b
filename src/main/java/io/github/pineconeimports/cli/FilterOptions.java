package io.github.pineconeimports.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.pineconeimports.imports.ImportQuery;
import io.github.pineconeimports.imports.ImportStatus;
import io.github.pineconeimports.imports.QueryBuilder;
import picocli.CommandLine.Option;

/** Which imports: indexes, statuses, a creation-time window and a finish-time window. */
public class FilterOptions {

    @Option(names = { "-s", "--status" }, paramLabel = "STATUS", split = ",", converter = Converters.Status.class,
            completionCandidates = Converters.StatusNames.class,
            description = "Pending, InProgress, Failed, Completed or Cancelled; repeat it or use commas "
                    + "(case-insensitive)")
    List<ImportStatus> statuses = new ArrayList<>();

    @Option(names = "--since", paramLabel = "WHEN", converter = Converters.When.class,
            description = "created at or after: an ISO-8601 instant or a duration ago (24h, 7d)")
    Converters.Moment since;

    @Option(names = "--until", paramLabel = "WHEN", converter = Converters.When.class,
            description = "created before: an ISO-8601 instant or a duration ago")
    Converters.Moment until;

    @Option(names = "--finished-since", paramLabel = "WHEN", converter = Converters.When.class,
            description = "finished at or after: an ISO-8601 instant or a duration ago")
    Converters.Moment finishedSince;

    @Option(names = "--finished-until", paramLabel = "WHEN", converter = Converters.When.class,
            description = "finished before: an ISO-8601 instant or a duration ago")
    Converters.Moment finishedUntil;

    @Option(names = "--finished-within", paramLabel = "DURATION", converter = Converters.Span.class,
            description = "finished in the DURATION before --as-of (15m, 24h, 7d or PT15M)")
    Duration finishedWithin;

    @Option(names = "--as-of", paramLabel = "WHEN", converter = Converters.When.class,
            description = "the end of the --finished-within window (default: now)")
    Converters.Moment asOf;

    @Option(names = "--index", paramLabel = "NAME", split = ",",
            description = "index names (repeat it or use commas), or '*' for every index of the project (default: "
                    + "PINECONE_INDEX)")
    List<String> indexes = new ArrayList<>();

    /** A query of every filter, with relative times counted back from {@code now}. */
    QueryBuilder query(Instant now) {
        return created(now).statuses(statuses).finishedSince(at(finishedSince, now))
                .finishedUntil(at(finishedUntil, now)).finishedWithin(finishedWithin).asOf(at(asOf, now))
                .defaultAsOf(now);
    }

    /** A query of the indexes and the creation-time window alone, whatever the status or the finish time. */
    QueryBuilder created(Instant now) {
        return ImportQuery.builder().names(FilterOptions::flag).indexes(indexes).createdSince(at(since, now))
                .createdUntil(at(until, now));
    }

    /** The flag a user typed for a query field, so that errors name {@code --finished-within}, not finishedWithin. */
    /** Whether any filter is given: a status, a creation window, or (with {@code withIndex}) an index. */
    boolean given(boolean withIndex) {
        return !statuses.isEmpty() || withIndex && !indexes.isEmpty() || since != null || until != null
                || finishTimeFlag() != null;
    }

    /** The first finish-time flag given, or null. */
    String finishTimeFlag() {
        return finishedSince != null ? "--finished-since" : finishedUntil != null ? "--finished-until"
                : finishedWithin != null ? "--finished-within" : asOf != null ? "--as-of" : null;
    }

    static String flag(String field) {
        return FLAGS.getOrDefault(field, field);
    }

    private static final Map<String, String> FLAGS = Map.ofEntries(Map.entry("status", "--status"),
            Map.entry("limit", "--limit"), Map.entry("all", "--all"), Map.entry("paginationToken", "--page-token"),
            Map.entry("since", "--since"), Map.entry("until", "--until"),
            Map.entry("finishedSince", "--finished-since"),
            Map.entry("finishedUntil", "--finished-until"), Map.entry("finishedWithin", "--finished-within"),
            Map.entry("asOf", "--as-of"), Map.entry("index", "--index"));

    private static Instant at(Converters.Moment moment, Instant now) {
        return moment == null ? null : moment.resolve(now);
    }
}
