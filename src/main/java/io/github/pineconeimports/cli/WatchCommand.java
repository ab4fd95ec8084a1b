package io.github.pineconeimports.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import io.github.pineconeimports.client.Connection;
import io.github.pineconeimports.client.ImportModel;
import io.github.pineconeimports.client.PineconeConfig;
import io.github.pineconeimports.imports.ImportLister;
import io.github.pineconeimports.imports.ImportQuery;
import io.github.pineconeimports.imports.ImportStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Follow imports until each one is Completed, Failed or Cancelled. Selects the imports matching the "
                + "filter at the start (by default those Pending or InProgress), then polls. On a terminal the bars "
                + "redraw in place; piped, it prints one line per change.",
        footerHeading = "%nExamples:%n", footer = {
                "  pinecone-imports watch",
                "  pinecone-imports watch --since 1h --interval 10s --timeout 2h",
                "%nExit codes:%n" + Cli.EXIT_CODES })
class WatchCommand implements Callable<Integer> {

    @Mixin
    FilterOptions filter;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "5s", converter = Converters.Span.class,
            description = "time between polls (default: ${DEFAULT-VALUE})")
    Duration interval;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Converters.Span.class,
            description = "give up after this long, with exit code 4 (default: never)")
    Duration timeout;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Inject
    ImportLister lister;

    @Inject
    PineconeConfig config;

    @Override
    public Integer call() throws InterruptedException {
        Connection target = connection.applyTo(Connection.of(config), spec.commandLine());
        PrintWriter out = spec.commandLine().getOut();
        boolean tty = System.console() != null;
        boolean colour = Output.colour();
        Instant started = Instant.now();
        List<ImportStatus> statuses = filter.statuses.isEmpty() ? List.of(ImportStatus.PENDING, ImportStatus.IN_PROGRESS)
                : List.of();
        Map<String, ImportModel> watched = new LinkedHashMap<>();
        lister.list(filter.query(started).statuses(statuses).all(true).build(), target).data()
                .forEach(m -> watched.put(key(m), m));
        if (watched.isEmpty()) {
            out.println("Nothing to watch: no import matches.");
            return Cli.OK;
        }
        // every status and finish time: the watched imports are followed until they finish
        ImportQuery poll = filter.created(started).all(true).build();
        Map<String, String> shown = new LinkedHashMap<>();
        int drawn = 0;
        while (true) {
            Instant now = Instant.now();
            if (tty) {
                drawn = redraw(watched, out, started, now, drawn, colour);
            } else {
                for (ImportModel m : watched.values()) {
                    String line = line(m, started, now, false);
                    String state = m.status() + "|" + m.percentComplete() + "|" + m.recordsImported();
                    if (!state.equals(shown.put(key(m), state))) {
                        out.println(line);
                    }
                }
            }
            out.flush();
            if (watched.values().stream().allMatch(WatchCommand::finished)) {
                return summary(watched, out);
            }
            if (timeout != null && Duration.between(started, now).compareTo(timeout) >= 0) {
                out.println("Timed out after " + timeout.toSeconds() + "s with " + watched.values().stream()
                        .filter(m -> !finished(m)).count() + " import(s) unfinished.");
                return Cli.TIMEOUT;
            }
            Thread.sleep(timeout == null ? interval.toMillis()
                    : Math.max(1, Math.min(interval.toMillis(), timeout.minus(Duration.between(started, Instant.now())).toMillis())));
            for (ImportModel m : lister.list(poll, target).data()) {
                watched.computeIfPresent(key(m), (id, old) -> m);
            }
        }
    }

    private static boolean finished(ImportModel m) {
        return ImportStatus.parse(m.status()).map(ImportStatus::isTerminal).orElse(false);
    }

    /** Redraws the block of bars in place: cursor up over the last drawing, then each line cleared and rewritten. */
    private static int redraw(Map<String, ImportModel> watched, PrintWriter out, Instant started, Instant now, int drawn,
            boolean colour) {
        if (drawn > 0) {
            out.print("\u001b[" + drawn + "A");
        }
        for (ImportModel m : watched.values()) {
            out.print("\u001b[2K" + line(m, started, now, colour) + "\n");
        }
        return watched.size();
    }

    /** An import's identity: its id, with its index when the watch spans several ({@code alpha/12}). */
    static String key(ImportModel m) {
        Object index = m.extra().get("index");
        return index == null ? m.id() : index + "/" + m.id();
    }

    static String line(ImportModel m, Instant started, Instant now, boolean colour) {
        String status = String.format(Locale.ROOT, "%-10s", m.status());
        return String.format(Locale.ROOT, "%-8s %s %s %12s records  %s", key(m), colour ? Output.paint(m.status(), status) : status,
                Output.bar(m.percentComplete()), m.recordsImported() == null ? "-" : String.format(Locale.ROOT, "%,d", m.recordsImported()),
                elapsed(Duration.between(started, now)));
    }

    private static String elapsed(Duration d) {
        return String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
    }

    private static int summary(Map<String, ImportModel> watched, PrintWriter out) {
        Map<String, Integer> counts = new TreeMap<>();
        watched.values().forEach(m -> counts.merge(Objects.toString(m.status()), 1, Integer::sum));
        out.println(watched.size() + " import(s) finished: " + counts.toString().replaceAll("[{}]", "").replace("=", " "));
        boolean bad = watched.values().stream()
                .anyMatch(m -> ImportStatus.FAILED.matches(m.status()) || ImportStatus.CANCELLED.matches(m.status()));
        return bad ? Cli.FOUND_FAILURES : Cli.OK;
    }
}
