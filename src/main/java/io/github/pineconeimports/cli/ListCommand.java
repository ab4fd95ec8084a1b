package io.github.pineconeimports.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.pineconeimports.client.PineconeClient;
import io.github.pineconeimports.imports.ImportLister;
import io.github.pineconeimports.imports.ImportPage;
import io.github.pineconeimports.imports.ImportQuery;
import io.github.pineconeimports.imports.ImportStatus;
import io.github.pineconeimports.imports.InvalidQueryException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List imports, filtered by status and creation time. Without --limit or --page-token it lists every match.",
        footerHeading = "%nExamples:%n", footer = {
                "  pinecone-imports list --status Failed",
                "  pinecone-imports list -s failed,cancelled --since 24h --output json",
                "  pinecone-imports list --status Failed --output ids --fail-on Failed   # exit 1 if any failed",
                "%nExit codes:%n" + Cli.EXIT_CODES })
class ListCommand implements Callable<Integer> {

    @Mixin
    Filter filter;

    @Mixin
    Connection connection;

    @Option(names = "--limit", paramLabel = "N", description = "matching imports per page, 1..100 (prints the next --page-token on stderr)")
    String limit;

    @Option(names = "--page-token", paramLabel = "TOKEN", description = "continue from an earlier page")
    String pageToken;

    @Option(names = "--all", description = "every match (the default unless --limit or --page-token is given)")
    boolean all;

    @Option(names = { "-o", "--output" }, paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json, ndjson, csv or ids (default: ${DEFAULT-VALUE})")
    Output output;

    @Option(names = "--fail-on", paramLabel = "STATUS", split = ",",
            description = "exit 1 when a listed import has one of these statuses, e.g. Failed,Cancelled")
    List<String> failOn = new ArrayList<>();

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Inject
    ImportLister lister;

    @Inject
    PineconeClient client;

    @Inject
    ObjectMapper json;

    @Override
    public Integer call() throws Exception {
        Set<ImportStatus> failing = EnumSet.noneOf(ImportStatus.class);
        for (String s : failOn) {
            failing.add(ImportStatus.parse(s).orElseThrow(() -> new InvalidQueryException("--fail-on", s,
                    String.join(", ", ImportStatus.NAMES), "unknown status '" + InvalidQueryException.clip(s) + "'")));
        }
        connection.apply(client, spec.commandLine());
        Instant now = Instant.now();
        boolean everything = all || (limit == null && pageToken == null);
        ImportQuery query = ImportQuery.parse(filter.statuses, limit, pageToken, everything ? "true" : null,
                filter.since(now), filter.until(now));
        ImportPage page = lister.list(query);
        output.print(page, spec.commandLine().getOut(), json, now);
        if (page.pagination() != null) {
            spec.commandLine().getErr().println("more: --page-token " + page.pagination().next());
        }
        boolean found = page.data().stream().anyMatch(m -> failing.stream().anyMatch(s -> s.matches(m.status())));
        return found ? Cli.FOUND_FAILURES : Cli.OK;
    }
}
