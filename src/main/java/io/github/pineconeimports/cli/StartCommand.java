package io.github.pineconeimports.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import io.github.pineconeimports.client.Connection;
import io.github.pineconeimports.client.ImportModel;
import io.github.pineconeimports.client.StartImportRequest;
import io.github.pineconeimports.failure.Failure;
import io.github.pineconeimports.failure.InvalidQueryException;
import io.github.pineconeimports.failure.PineconeException;
import io.github.pineconeimports.imports.ImportOperations;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Start an import of the Parquet files under URI and print its id. Without --error-mode the"
                + " field is not sent, so Pinecone's own default applies: abort at the first bad record. With --wait"
                + " it then follows the import as watch does, with watch's exit codes. A start that fails is never"
                + " tried again: the import may have been created, and the error says how to look.",
        footerHeading = "%nExamples:%n", footer = {
                "  pinecone-imports start s3://my-bucket/embeddings/",
                "  pinecone-imports start gs://my-bucket/run-7/ --error-mode continue --api-version 2025-10",
                "  pinecone-imports start s3://my-bucket/run-8/ --wait --timeout 2h",
                "%nExit codes:%n" + Cli.EXIT_CODES })
class StartCommand extends PineconeCommand implements Callable<Integer> {

    static final int MAX_INTEGRATION_ID = 1000;
    static final Duration DESCRIBED_WITHIN = Duration.ofMinutes(1);

    @Parameters(paramLabel = "URI", description = ImportUri.FORMS + " (API 2025-01 documents s3:// only)")
    String uri;

    @Option(names = "--error-mode", paramLabel = "MODE",
            description = "abort or continue at a bad record (default: not sent; Pinecone's default is abort)")
    String errorMode;

    @Option(names = "--integration-id", paramLabel = "ID",
            description = "the storage integration that reads a private bucket")
    String integrationId;

    @Option(names = "--index", paramLabel = "NAME", description = "the index to import into, by name (default:"
            + " PINECONE_INDEX)")
    String index;

    @Option(names = "--wait", description = "follow the import until it finishes, as watch does")
    boolean waitFor;

    @Mixin
    FollowOptions following;

    @Inject
    ImportOperations operations;

    @Inject
    WatchClock clock;

    @Override
    public Integer call() throws InterruptedException {
        StartImportRequest request = request(spec.commandLine());
        following.check(spec.commandLine());
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        if (!waitFor && (parsed.hasMatchedOption("--interval") || parsed.hasMatchedOption("--timeout"))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--interval and --timeout follow the import:"
                    + " give --wait too, or leave them out");
        }
        Connection target = target();
        // failures before the POST (the index's lookup) are said as they are: nothing was sent
        Connection reached;
        try {
            reached = operations.reach(target, index);
        } catch (Failure failure) {
            throw failure.kind().incomplete() ? new StartFailure(failure.kind(), failure.getMessage() + "; the index"
                    + " could not be looked up, so nothing was sent", failure) : failure;
        }
        Instant sent = clock.now();
        String id;
        try {
            id = operations.start(reached, request);
        } catch (Failure failure) {
            throw maybeStarted(failure, sent, index != null ? " --index " + index
                    : target.indexHost() != null ? " --host " + target.indexHost() : "");
        }
        // as list prints ids across indexes, so that describe and cancel find it again
        spec.commandLine().getOut().println(Output.printable(index == null ? id : index + "/" + id));
        spec.commandLine().getOut().flush();
        if (!waitFor) {
            return Cli.OK;
        }
        ImportModel started = described(target, id, sent);
        if (started == null) {
            return following.timedOut(1, spec.commandLine().getOut());
        }
        Map<String, ImportModel> watched = new LinkedHashMap<>();
        watched.put(WatchCommand.key(started), started);
        return following.follow(watched, WatchPolls.byId(operations, target), clock, sent, spec.commandLine());
    }

    /**
     * The new import as Pinecone first describes it, or null when --timeout passes first. Pinecone may take a moment
     * to describe what it just accepted (404), or ask us to slow down (429): asked again each interval for
     * {@link #DESCRIBED_WITHIN}, then said as a failure rather than followed on faith.
     */
    private ImportModel described(Connection target, String id, Instant sent) throws InterruptedException {
        Duration wait = following.interval;
        while (true) {
            Failure throttled = null;
            try {
                ImportModel now = operations.describe(target, index, id);
                if (now != null) {
                    return now;
                }
            } catch (Failure failure) {
                if (failure.kind() != Failure.Kind.UPSTREAM_THROTTLED) {
                    throw failure;
                }
                throttled = failure;
            }
            Duration waited = Duration.between(sent, clock.now());
            if (following.timeout != null && waited.compareTo(following.timeout) >= 0) {
                return null;
            }
            if (waited.compareTo(DESCRIBED_WITHIN) >= 0) {
                throw throttled != null ? throttled : new StartFailure(Failure.Kind.UPSTREAM_ANOMALY, "Pinecone"
                        + " accepted the import but has not described it within " + DESCRIBED_WITHIN.toSeconds()
                        + "s (404 for its id); look with: pinecone-imports describe "
                        + Output.printable(index == null ? id : index + "/" + id), null);
            }
            // the interval, doubled after a 429, and never past the --timeout or the minute
            wait = throttled == null ? following.interval : following.backoff(wait);
            Duration left = (following.timeout == null || following.timeout.compareTo(DESCRIBED_WITHIN) > 0
                    ? DESCRIBED_WITHIN : following.timeout).minus(waited);
            clock.pause(wait.compareTo(left) < 0 ? wait : left);
        }
    }

    /** The request, or a usage error naming the flag: nothing is sent that Pinecone would refuse. */
    private StartImportRequest request(CommandLine cli) {
        String problem = ImportUri.problem(uri);
        if (problem != null) {
            throw new CommandLine.ParameterException(cli, "URI: '" + Output.printable(InvalidQueryException.clip(uri))
                    + "' " + problem + "; give " + ImportUri.FORMS);
        }
        String mode = errorMode == null ? null : errorMode.toLowerCase(Locale.ROOT);
        if (mode != null && !mode.equals("abort") && !mode.equals("continue")) {
            throw new CommandLine.ParameterException(cli, "--error-mode: '" + Output.printable(errorMode)
                    + "' is not a mode; give abort or continue, or leave it out for Pinecone's default (abort)");
        }
        if (integrationId != null && (integrationId.isBlank() || integrationId.length() > MAX_INTEGRATION_ID)) {
            throw new CommandLine.ParameterException(cli, "--integration-id: give the integration's id (1 to "
                    + MAX_INTEGRATION_ID + " characters), or leave it out");
        }
        return new StartImportRequest(uri, integrationId,
                mode == null ? null : new StartImportRequest.ErrorMode(mode));
    }

    /**
     * A start that failed once it may have reached Pinecone (no answer, a timeout, a 5xx, an answer we could not
     * read) may have created the import: it is not tried again, and the error says where to look ({@code where}: the
     * flags that name the index, as given).
     */
    static Failure maybeStarted(Failure failure, Instant sent, String where) {
        if (failure.kind() != Failure.Kind.UPSTREAM_UNAVAILABLE && failure.kind() != Failure.Kind.DEADLINE
                && failure.kind() != Failure.Kind.UPSTREAM_ANOMALY
                || failure instanceof PineconeException unsent && !unsent.sent()) {
            return failure; // refused, or not sent at all: nothing can have been created
        }
        return new StartFailure(failure.kind(), failure.getMessage() + "; the import may have been created, so it"
                + " was not started again; look with: pinecone-imports list --since " + sent.minusSeconds(60)
                + Output.printable(where), failure);
    }

    /** A start's failure, said with what the user should do next. */
    static final class StartFailure extends Failure {
        StartFailure(Failure.Kind kind, String message, Throwable cause) {
            super(kind, message, cause);
        }
    }
}
