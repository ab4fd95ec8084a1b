package io.github.pineconeimports.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

/** Which imports: statuses and a creation-time window. */
public class Filter {

    @Option(names = { "-s", "--status" }, paramLabel = "STATUS",
            description = "Pending, InProgress, Failed, Completed or Cancelled; repeat it or use commas (case-insensitive)")
    List<String> statuses = new ArrayList<>();

    @Option(names = "--since", paramLabel = "WHEN", description = "created at or after: an ISO-8601 instant or a duration ago (24h, 7d)")
    String since;

    @Option(names = "--until", paramLabel = "WHEN", description = "created before: an ISO-8601 instant or a duration ago")
    String until;

    String since(Instant now) {
        return Durations.instantOrAgo("--since", since, now);
    }

    String until(Instant now) {
        return Durations.instantOrAgo("--until", until, now);
    }
}
