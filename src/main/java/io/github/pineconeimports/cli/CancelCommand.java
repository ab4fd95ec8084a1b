package io.github.pineconeimports.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import io.github.pineconeimports.client.Connection;
import io.github.pineconeimports.client.ImportModel;
import io.github.pineconeimports.failure.Failure;
import io.github.pineconeimports.failure.ListingTooLargeException;
import io.github.pineconeimports.imports.ImportLister;
import io.github.pineconeimports.imports.ImportOperations;
import io.github.pineconeimports.imports.ImportOperations.Cancellation;
import io.github.pineconeimports.imports.ImportPage;
import io.github.pineconeimports.imports.ImportStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Cancel running imports, by id or by the filter list takes. A filter only ever selects imports"
                + " still Pending or InProgress; it first shows what it will cancel, then asks on a terminal, and"
                + " elsewhere needs --yes. An import that already ended Completed or Failed is sent nothing and said"
                + " so; one already Cancelled counts as done. --dry-run shows what it would do and sends nothing. Exit"
                + " 0 when every import is cancelled, 1 when any is not.",
        footerHeading = "%nExamples:%n", footer = {
                "  pinecone-imports cancel 101 102",
                "  pinecone-imports cancel 101 --dry-run",
                "  # pending for over six hours:",
                "  pinecone-imports cancel --status Pending --until 6h --dry-run",
                "  pinecone-imports cancel --status Pending --until 6h --yes",
                "%nExit codes:%n" + Cli.EXIT_CODES })
class CancelCommand extends PineconeCommand implements Callable<Integer> {

    static final String CANNOT_ASK = "a filter cancels only with --yes where it cannot ask (stdin or stdout is not a"
            + " terminal); --dry-run shows what it would cancel";
    static final List<ImportStatus> RUNNING = List.of(ImportStatus.PENDING, ImportStatus.IN_PROGRESS);

    @Parameters(paramLabel = "ID", arity = "0..*", description = "import ids, or INDEX/ID as list --index prints them")
    List<String> ids = new ArrayList<>();

    @Mixin
    FilterOptions filter;

    @Option(names = "--yes", description = "cancel what the filter selects without asking (ids are never asked)")
    boolean yes;

    @Option(names = "--dry-run", description = "only show what would be cancelled; send nothing")
    boolean dryRun;

    @Option(names = "--answer-within", paramLabel = "DURATION", defaultValue = "5m", converter = Converters.Span.class,
            description = "on a terminal, how long to wait for the answer; none cancels nothing (default:"
                    + " ${DEFAULT-VALUE})")
    Duration answerWithin;

    @Inject
    ImportOperations operations;

    @Inject
    ImportLister lister;

    @Override
    public Integer call() throws IOException {
        CommandLine cli = spec.commandLine();
        if (cli.getParseResult().hasMatchedOption("--answer-within") && (!ids.isEmpty() || yes || dryRun)) {
            throw new CommandLine.ParameterException(cli, "--answer-within: only a filter's question on a terminal"
                    + " waits for an answer; leave it out with ids, --yes or --dry-run");
        }
        if (yes && dryRun) {
            throw new CommandLine.ParameterException(cli, "--yes and --dry-run: give one; --dry-run sends nothing,"
                    + " --yes cancels without asking");
        }
        Prompt.check(cli, answerWithin);
        String finishing = filter.finishTimeFlag();
        if (finishing != null) {
            throw new CommandLine.ParameterException(cli, finishing + ": a running import has not finished, so"
                    + " cancel's filter is --status, --since, --until and --index");
        }
        Connection target = target();
        List<ImportIds> chosen = ids.isEmpty() ? null : byId(cli, target);
        // by id, any running import; by filter, only in the statuses it was shown in
        Set<ImportStatus> only = Set.copyOf(ids.isEmpty() && !filter.statuses.isEmpty() ? filter.statuses : RUNNING);
        if (chosen == null) {
            chosen = selected(target, cli);
            if (chosen == null) {
                return Cli.FOUND_FAILURES; // declined: nothing cancelled that was selected
            }
        }
        PrintWriter out = cli.getOut();
        boolean all = true;
        Failure first = null;
        int failed = 0;
        for (ImportIds id : chosen) {
            try {
                Cancellation done = operations.cancel(target, id.index(), id.id(), only, dryRun);
                all &= done.outcome().done();
                out.println(id.shown() + "  " + said(done));
            } catch (Failure failure) {
                if (PartlyFailed.sameForEvery(failure)) {
                    out.flush();
                    throw failure; // nothing was sent for this import, nor would be for the rest
                }
                // one import's failure must not hide what became of the others: each is tried and said
                first = first == null ? failure : first;
                failed++;
                out.println(id.shown() + "  not known to be cancelled: " + Output.printable(failure.getMessage()));
            }
        }
        out.flush();
        if (first != null) {
            throw new PartlyFailed(first, failed, chosen.size(), "not known to be cancelled"); // its exit code (3)
        }
        return all ? Cli.OK : Cli.FOUND_FAILURES;
    }

    private List<ImportIds> byId(CommandLine cli, Connection target) {
        if (filter.given(false)) {
            throw new CommandLine.ParameterException(cli, "ID: give ids, or a filter, not both: ids are cancelled as"
                    + " given");
        }
        if (filter.indexes.size() > 1 || filter.indexes.contains("*")) {
            throw new CommandLine.ParameterException(cli, "--index: ids are in one index: give its name, or give"
                    + " each id as INDEX/ID");
        }
        return ImportIds.parse(ids, filter.indexes.isEmpty() ? null : filter.indexes.get(0), target, cli);
    }

    /** What the filter selects, shown: what to cancel, nothing (none selected, a dry run), or null when declined. */
    private List<ImportIds> selected(Connection target, CommandLine cli) throws IOException {
        if (!filter.given(true)) {
            throw new CommandLine.ParameterException(cli, "give the ids to cancel, or a filter (--status, --since,"
                    + " --until, --index, ...): cancel never selects every import by itself");
        }
        if (filter.statuses.stream().anyMatch(s -> !RUNNING.contains(s))) {
            throw new CommandLine.ParameterException(cli, "--status: a filter only selects running imports: give"
                    + " Pending, InProgress or both");
        }
        if (!yes && !dryRun && !Output.terminal()) {
            throw new CommandLine.ParameterException(cli, CANNOT_ASK); // before anything is listed or shown
        }
        Instant now = Instant.now();
        ImportPage page;
        try {
            page = lister.list(filter.query(now).statuses(filter.statuses.isEmpty() ? RUNNING : filter.statuses)
                    .all(true).build(), target);
        } catch (ListingTooLargeException e) {
            throw new CommandLine.ParameterException(cli, "too many running imports match to show them all at"
                    + " once; narrow the filter with --status, --since, --until or --index");
        }
        unread(page);
        List<ImportModel> running = page.data();
        PrintWriter out = cli.getOut();
        if (running.isEmpty()) {
            out.println("Nothing to cancel: no running import matches.");
            out.flush();
            return List.of();
        }
        out.println((dryRun ? "Would cancel " : "Will cancel ") + running.size() + " import(s):");
        Output.table(running, out, now, Output.colour());
        out.flush();
        if (dryRun) {
            return List.of();
        }
        if (!yes && !Prompt.confirmed(cli, "Cancel these " + running.size() + " import(s)?", answerWithin,
                CANNOT_ASK)) {
            out.println("Nothing cancelled.");
            return null;
        }
        return running.stream().map(m -> new ImportIds(m.extra().get("index") == null ? null
                : m.extra().get("index").toString(), m.id())).toList();
    }

    private static String said(Cancellation done) {
        return switch (done.outcome()) {
            case CANCELLED -> "cancelled (it was " + Output.printable(done.status()) + ")";
            case ALREADY_CANCELLED -> "already cancelled";
            case FINISHED -> "not cancelled: it already ended " + Output.printable(done.status()) + "; nothing sent";
            case UNKNOWN_ID -> "not cancelled: Pinecone does not know this id; nothing sent";
            case UNKNOWN_STATUS -> "not cancelled: its status '" + Output.printable(done.status())
                    + "' is not one this version knows; nothing sent";
            case MOVED_ON -> "not cancelled: it is " + Output.printable(done.status()) + " now, which the filter did"
                    + " not select; nothing sent";
            case WOULD_CANCEL -> "would be cancelled (it is " + Output.printable(done.status()) + "); dry run,"
                    + " nothing sent";
            case ENDED_FIRST -> "not cancelled: it ended " + Output.printable(done.status()) + " before the cancel"
                    + " reached it";
        };
    }
}
