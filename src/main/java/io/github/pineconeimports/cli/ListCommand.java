package io.github.pineconeimports.cli;

import java.time.Instant;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.pineconeimports.client.Connection;
import io.github.pineconeimports.imports.ImportLister;
import io.github.pineconeimports.imports.ImportPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List imports, filtered by status and creation time. Without --limit or --page-token it lists "
                + "every match.",
        footerHeading = "%nExamples:%n", footer = {
                "  pinecone-imports list --status Failed",
                "  pinecone-imports list -s failed,cancelled --since 24h --output json",
                "  # exit 1 if any failed:",
                "  pinecone-imports list --status Failed --output ids --fail-on Failed",
                "%nExit codes:%n" + Cli.EXIT_CODES })
class ListCommand extends PineconeCommand implements Callable<Integer> {

    @Mixin
    FilterOptions filter;

    @Option(names = "--limit", paramLabel = "N", converter = Converters.Limit.class,
            description = "matching imports per page, 1..100 (prints the next --page-token on stderr)")
    Integer limit;

    @Option(names = "--page-token", paramLabel = "TOKEN", description = "continue from an earlier page")
    String pageToken;

    @Option(names = "--all", description = "every match (the default unless --limit or --page-token is given)")
    boolean all;

    @Option(names = { "-o", "--output" }, paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json, ndjson, csv or ids (default: ${DEFAULT-VALUE})")
    Output output;

    @Mixin
    FailOnOption failOn;

    @Inject
    ImportLister lister;

    @Inject
    ObjectMapper json;

    @Override
    public Integer call() throws Exception {
        Connection target = target();
        Instant now = Instant.now();
        boolean everything = all || (limit == null && pageToken == null);
        ImportPage page = lister.list(filter.query(now).limit(limit).paginationToken(pageToken).all(everything)
                .build(), target);
        output.print(page, spec.commandLine().getOut(), json, now);
        unread(page);
        if (page.pagination() != null) {
            spec.commandLine().getErr().println("more: --page-token " + page.pagination().next());
        }
        return failOn.exitCode(s -> page.data().stream().anyMatch(m -> s.matches(m.status())));
    }
}
