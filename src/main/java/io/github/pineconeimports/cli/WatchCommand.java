package io.github.pineconeimports.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import io.github.pineconeimports.client.Connection;
import io.github.pineconeimports.client.ImportModel;
import io.github.pineconeimports.failure.ListingTooLargeException;
import io.github.pineconeimports.imports.ImportOperations;
import io.github.pineconeimports.imports.ImportLister;
import io.github.pineconeimports.imports.ImportPage;
import io.github.pineconeimports.imports.ImportQuery;
import io.github.pineconeimports.imports.ImportStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Follow imports until each one is Completed, Failed or Cancelled. Selects the imports matching"
                + " the filter at the start (by default those Pending or InProgress), then polls: each import still"
                + " running by id, or the listing when that reads fewer pages. On a terminal the bars redraw in place;"
                + " piped, it prints one line per change. An import that ends Failed or Cancelled shows its error.",
        footerHeading = "%nExamples:%n", footer = {
                "  pinecone-imports watch",
                "  pinecone-imports watch --since 1h --interval 10s --timeout 2h",
                "%nExit codes:%n" + Cli.EXIT_CODES })
class WatchCommand extends PineconeCommand implements Callable<Integer> {

    @Mixin
    FilterOptions filter;

    @Mixin
    FollowOptions following;

    @Inject
    ImportLister lister;

    @Inject
    ImportOperations operations;

    @Inject
    WatchClock clock;

    @Override
    public Integer call() throws InterruptedException {
        following.check(spec.commandLine());
        Connection target = target();
        PrintWriter out = spec.commandLine().getOut();
        Instant started = clock.now();
        ImportPage first = firstListing(target, started);
        unread(first);
        Map<String, ImportModel> watched = new LinkedHashMap<>();
        first.data().forEach(m -> watched.put(key(m), m));
        if (watched.isEmpty()) {
            out.println("Nothing to watch: no import matches.");
            return Cli.OK;
        }
        // every status and finish time: the watched imports are followed until they finish
        ImportQuery poll = filter.created(started).all(true).build();
        WatchPolls polls = new WatchPolls(lister, operations, target, poll, first.summary().pages());
        return following.follow(watched, polls, clock, started, spec.commandLine());
    }

    /** What to watch: without --status, the imports still running; all of them, or a usage error if too many. */
    private ImportPage firstListing(Connection target, Instant started) {
        List<ImportStatus> statuses = filter.statuses.isEmpty() ? List.of(ImportStatus.PENDING,
                ImportStatus.IN_PROGRESS) : List.of();
        try {
            return lister.list(filter.query(started).statuses(statuses).all(true).build(), target);
        } catch (ListingTooLargeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "too many imports match to watch them all ("
                    + Output.printable(e.getMessage()) + "); narrow the filter with --status, --since or --index");
        }
    }

    static boolean finished(ImportModel m) {
        return ImportStatus.parse(m.status()).map(ImportStatus::isTerminal).orElse(false);
    }

    /** An import's identity: its id, with its index when the watch spans several ({@code alpha/12}). */
    static String key(ImportModel m) {
        Object index = m.extra().get("index");
        return Output.printable(index == null ? m.id() : index + "/" + m.id());
    }

    /** One import's line: id, status, bar, records, time; and, once it ended Failed or Cancelled, why. */
    static String line(ImportModel m, Instant started, Instant now, boolean colour) {
        String status = String.format(Locale.ROOT, "%-10s", Output.printable(m.status()));
        String line = String.format(Locale.ROOT, "%-8s %s %s %12s records  %s", key(m), colour
                ? Output.paint(m.status(), status) : status,
                Output.bar(m.percentComplete()), m.recordsImported() == null ? "-" : String.format(Locale.ROOT, "%,d",
                        m.recordsImported()),
                elapsed(Duration.between(started, now)));
        return m.error() != null && finished(m) ? line + "  " + Output.printable(m.error()) : line;
    }

    private static String elapsed(Duration d) {
        return String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
    }
}
