package io.github.pineconeimports.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.pineconeimports.client.ImportModel;
import io.github.pineconeimports.failure.Failure;
import io.github.pineconeimports.imports.ImportStatus;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * How imports are followed until they finish ({@code watch}, {@code start --wait}): how often Pinecone is polled,
 * for how long, and the loop itself, whose exit code says how they ended.
 */
public class FollowOptions {

    /** Each poll reads Pinecone, whose rate limits the user's other workloads share: no busy loop. */
    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    /** The longest wait after Pinecone said 429 again and again. */
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "5s", converter = Converters.Span.class,
            description = "time between polls, at least 1s (default: ${DEFAULT-VALUE}); doubled after each 429, up "
                    + "to 5m")
    Duration interval;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Converters.Span.class,
            description = "give up after this long, with exit code 4 (default: never)")
    Duration timeout;

    /** Refuses an interval that would poll Pinecone in a busy loop. */
    void check(CommandLine cli) {
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new CommandLine.ParameterException(cli, "--interval: at least 1s (was "
                    + Converters.Span.show(interval)
                    + "): each poll calls Pinecone, whose rate limits your other workloads share");
        }
    }

    /**
     * Polls until every import of {@code watched} has finished (exit 0 when all Completed, 1 when any Failed or was
     * Cancelled), or until the timeout passes (4).
     */
    int follow(Map<String, ImportModel> watched, WatchPolls polls, WatchClock clock, Instant started, CommandLine cli)
            throws InterruptedException {
        PrintWriter out = cli.getOut();
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
                return timedOut(watched.values().stream().filter(m -> !WatchCommand.finished(m)).count(), out);
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
                    cli.getErr().println("pinecone-imports: " + notice);
                }
            }
        }
    }

    /** Says the --timeout passed with {@code unfinished} imports still running: exit 4. */
    int timedOut(long unfinished, PrintWriter out) {
        out.println("Timed out after " + timeout.toSeconds() + "s with " + unfinished + " import(s) unfinished.");
        return Cli.TIMEOUT;
    }

    /** Twice the wait, up to the larger of the interval and {@link #MAX_BACKOFF}: Pinecone asked us to slow down. */
    Duration backoff(Duration wait) {
        Duration cap = interval.compareTo(MAX_BACKOFF) > 0 ? interval : MAX_BACKOFF;
        return wait.multipliedBy(2).compareTo(cap) > 0 ? cap : wait.multipliedBy(2);
    }

    private static int summary(Map<String, ImportModel> watched, PrintWriter out) {
        Map<String, Integer> counts = new TreeMap<>();
        watched.values().forEach(m -> counts.merge(Output.printable(m.status()), 1, Integer::sum));
        out.println(watched.size() + " import(s) finished: "
                + counts.toString().replaceAll("[{}]", "").replace("=", " "));
        List<ImportModel> bad = watched.values().stream()
                .filter(m -> ImportStatus.FAILED.matches(m.status()) || ImportStatus.CANCELLED.matches(m.status()))
                        .toList();
        bad.forEach(m -> out.println("  " + WatchCommand.key(m) + " " + m.status() + (m.error() == null ? "" : ": "
                + Output.printable(m.error()))));
        return bad.isEmpty() ? Cli.OK : Cli.FOUND_FAILURES;
    }
}
