package io.github.pineconeimports.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.pineconeimports.client.Connection;
import io.github.pineconeimports.imports.Counts;
import io.github.pineconeimports.imports.ImportLister;
import io.github.pineconeimports.imports.ImportPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code counts=true} on the command line: how many imports match, by status (and index), never the imports. */
@Command(name = "count", mixinStandardHelpOptions = true,
        description = "Count the imports that match the filter, by status (and by index), reading every page.",
        footerHeading = "%nExamples:%n", footer = {
                "  pinecone-imports count --since 2h",
                "  # exit 1 if any ended Failed or Cancelled:",
                "  pinecone-imports count --since 2026-11-28T00:00Z --fail-on Failed,Cancelled",
                "  pinecone-imports count --index '*' --output json",
                "%nExit codes:%n" + Cli.EXIT_CODES })
class CountCommand extends PineconeCommand implements Callable<Integer> {

    enum Format {
        table, json
    }

    @Mixin
    FilterOptions filter;

    @Option(names = { "-o", "--output" }, paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json, the function's counts=true answer (default: ${DEFAULT-VALUE})")
    Format output;

    @Mixin
    FailOnOption failOn;

    @Inject
    ImportLister lister;

    @Inject
    ObjectMapper json;

    @Override
    public Integer call() throws Exception {
        Connection target = target();
        ImportPage page = lister.list(filter.query(Instant.now()).counts(true).build(), target);
        PrintWriter out = spec.commandLine().getOut();
        if (output == Format.json) {
            out.println(json.writeValueAsString(page));
        } else {
            table(page, out);
        }
        out.flush();
        unread(page);
        Counts matched = page.matched();
        return failOn.exitCode(s -> matched.byStatus().getOrDefault(s.wire(), 0) > 0);
    }

    /** A row per status, a column per index (when the call names indexes) and one for the total. */
    private static void table(ImportPage page, PrintWriter out) {
        Counts matched = page.matched();
        Map<String, Counts> byIndex = matched.byIndex() == null ? Map.of() : matched.byIndex();
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-12s", "STATUS"));
        byIndex.keySet().forEach(index -> header.append(String.format(Locale.ROOT, " %12s", Output.printable(index))));
        out.println(header.append(String.format(Locale.ROOT, " %10s", "MATCHED")));
        for (String status : matched.byStatus().keySet()) {
            // an unknown status is Pinecone's text: shown, never sent to the terminal as it came
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-12s", Output.printable(status)));
            byIndex.values().forEach(c -> row.append(String.format(Locale.ROOT, " %,12d", c.byStatus()
                    .getOrDefault(status, 0))));
            out.println(row.append(String.format(Locale.ROOT, " %,10d", matched.byStatus().get(status))));
        }
        StringBuilder total = new StringBuilder(String.format(Locale.ROOT, "%-12s", "total"));
        byIndex.values().forEach(c -> total.append(String.format(Locale.ROOT, " %,12d", c.total())));
        out.println(total.append(String.format(Locale.ROOT, " %,10d", matched.total())));
        out.printf(Locale.ROOT, "(%,d imports scanned in %,d pages)%n", page.summary().scanned(),
                page.summary().pages());
    }
}
