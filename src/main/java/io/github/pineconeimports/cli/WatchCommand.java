package io.github.pineconeimports.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import io.github.pineconeimports.client.Connection;
import io.github.pineconeimports.client.ImportModel;
import io.github.pineconeimports.client.PineconeConfig;
import io.github.pineconeimports.failure.Failure;
import io.github.pineconeimports.failure.ListingTooLargeException;
import io.github.pineconeimports.imports.ImportFollower;
import io.github.pineconeimports.imports.ImportLister;
import io.github.pineconeimports.imports.ImportPage;
import io.github.pineconeimports.imports.ImportQuery;
import io.github.pineconeimports.imports.ImportStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Follow imports until each one is Completed, Failed or Cancelled. Selects the imports matching"
                + " the filter at the start (by default those Pending or InProgress), then polls: each import still"
                + " running by id, or the listing when that reads fewer pages. On a terminal the bars redraw in place;"
                + " piped, it prints one line per change. An import that ends Failed or Cancelled shows its error.",
        footerHeading = "%nExamples:%n", footer = {
                "  pinecone-imports watch",
                "  pinecone-imports watch --since 1h --interval 10s --timeout 2h",
                "%nExit codes:%n" + Cli.EXIT_CODES })
class WatchCommand implements Callable<Integer> {

    /** Each poll reads Pinecone, whose rate limits the user's other workloads share: no busy loop. */
    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    /** The longest wait after Pinecone said 429 again and again. */
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    @Mixin
    FilterOptions filter;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "5s", converter = Converters.Span.class,
            description = "time between polls, at least 1s (default: ${DEFAULT-VALUE}); doubled after each 429, up "
                    + "to 5m")
    Duration interval;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Converters.Span.class,
            description = "give up after this long, with exit code 4 (default: never)")
    Duration timeout;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Inject
    ImportLister lister;

    @Inject
    ImportFollower follower;

    @Inject
    PineconeConfig config;

    @Inject
    WatchClock clock;

    @Override
    public Integer call() throws InterruptedException {
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--interval: at least 1s (was "
                    + Converters.Span.show(interval)
                    + "): each poll calls Pinecone, whose rate limits your other workloads share");
        }
        Connection target = connection.applyTo(Connection.of(config), spec.commandLine());
        PrintWriter out = spec.commandLine().getOut();
        Instant started = clock.now();
        ImportPage first = firstListing(target, started);
        Map<String, ImportModel> watched = new LinkedHashMap<>();
        first.data().forEach(m -> watched.put(key(m), m));
        if (watched.isEmpty()) {
            out.println("Nothing to watch: no import matches.");
            return Cli.OK;
        }
        // every status and finish time: the watched imports are followed until they finish
        ImportQuery poll = filter.created(started).all(true).build();
        WatchPolls polls = new WatchPolls(lister, follower, target, poll, first.summary().pages());
        WatchView view = new WatchView(Screen.detect(), Output.colour(), out);
        Duration wait = interval;
        String notice = null; // on a terminal, said inside the drawing, which a line printed below would push down
        while (true) {
            Instant now = clock.now();
            view.show(watched.values(), notice, started, now);
            if (watched.values().stream().allMatch(WatchCommand::finished)) {
                return summary(watched, out);
            }
            if (timeout != null && Duration.between(started, now).compareTo(timeout) >= 0) {
                out.println("Timed out after " + timeout.toSeconds() + "s with " + watched.values().stream()
                        .filter(m -> !finished(m)).count() + " import(s) unfinished.");
                return Cli.TIMEOUT;
            }
            clock.pause(timeout == null ? wait : Duration.ofMillis(Math.max(1, Math.min(wait.toMillis(),
                    timeout.minus(Duration.between(started, clock.now())).toMillis()))));
            try {
                polls.refresh(watched);
                wait = interval;
                notice = null;
            } catch (Failure throttled) {
                if (throttled.kind() != Failure.Kind.UPSTREAM_THROTTLED) {
                    throw throttled;
                }
                wait = backoff(wait);
                notice = "Pinecone is rate-limiting (429); next poll in " + Converters.Span.show(wait);
                if (!view.onScreen()) {
                    spec.commandLine().getErr().println("pinecone-imports: " + notice);
                }
            }
        }
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

    /** Twice the wait, up to the larger of the interval and {@link #MAX_BACKOFF}: Pinecone asked us to slow down. */
    private Duration backoff(Duration wait) {
        Duration cap = interval.compareTo(MAX_BACKOFF) > 0 ? interval : MAX_BACKOFF;
        return wait.multipliedBy(2).compareTo(cap) > 0 ? cap : wait.multipliedBy(2);
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

    private static int summary(Map<String, ImportModel> watched, PrintWriter out) {
        Map<String, Integer> counts = new TreeMap<>();
        watched.values().forEach(m -> counts.merge(Output.printable(m.status()), 1, Integer::sum));
        out.println(watched.size() + " import(s) finished: "
                + counts.toString().replaceAll("[{}]", "").replace("=", " "));
        List<ImportModel> bad = watched.values().stream()
                .filter(m -> ImportStatus.FAILED.matches(m.status()) || ImportStatus.CANCELLED.matches(m.status()))
                        .toList();
        bad.forEach(m -> out.println("  " + key(m) + " " + m.status() + (m.error() == null ? "" : ": "
                + Output.printable(m.error()))));
        return bad.isEmpty() ? Cli.OK : Cli.FOUND_FAILURES;
    }
}
