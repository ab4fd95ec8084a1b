package io.github.pineconeimports.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.pineconeimports.imports.ImportQuery;
import io.github.pineconeimports.imports.ImportStatus;
import picocli.CommandLine.Option;

/** Which imports: statuses and a creation-time window. */
public class FilterOptions {

    @Option(names = { "-s", "--status" }, paramLabel = "STATUS", split = ",", converter = Converters.Status.class,
            completionCandidates = Converters.StatusNames.class,
            description = "Pending, InProgress, Failed, Completed or Cancelled; repeat it or use commas (case-insensitive)")
    List<ImportStatus> statuses = new ArrayList<>();

    @Option(names = "--since", paramLabel = "WHEN", converter = Converters.When.class,
            description = "created at or after: an ISO-8601 instant or a duration ago (24h, 7d)")
    Converters.Moment since;

    @Option(names = "--until", paramLabel = "WHEN", converter = Converters.When.class,
            description = "created before: an ISO-8601 instant or a duration ago")
    Converters.Moment until;

    /** A query of these filters, with relative times counted back from {@code now}. */
    ImportQuery.Builder query(Instant now) {
        return window(now).statuses(statuses);
    }

    /** A query of the time window alone, whatever the status. */
    ImportQuery.Builder window(Instant now) {
        return ImportQuery.builder()
                .createdSince(since == null ? null : since.resolve(now))
                .createdUntil(until == null ? null : until.resolve(now));
    }
}
