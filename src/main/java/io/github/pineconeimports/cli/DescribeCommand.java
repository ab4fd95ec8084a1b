package io.github.pineconeimports.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.pineconeimports.client.Connection;
import io.github.pineconeimports.client.ImportModel;
import io.github.pineconeimports.failure.Failure;
import io.github.pineconeimports.imports.ImportOperations;
import io.github.pineconeimports.imports.ImportPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Show imports by id, as Pinecone describes them now, a failed one's error in full. An id"
                + " Pinecone does not know is said on stderr, and the exit code is 1.",
        footerHeading = "%nExamples:%n", footer = {
                "  pinecone-imports describe 101",
                "  pinecone-imports describe 101 102 --output json",
                "  pinecone-imports describe alpha/7 beta/3",
                "%nExit codes:%n" + Cli.EXIT_CODES })
class DescribeCommand extends PineconeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", arity = "1..*",
            description = "import ids, or INDEX/ID as list --index prints them")
    List<String> ids;

    @Option(names = "--index", paramLabel = "NAME",
            description = "the index that holds them, by name (default: PINECONE_INDEX)")
    String index;

    @Option(names = { "-o", "--output" }, paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json, ndjson, csv or ids (default: ${DEFAULT-VALUE})")
    Output output;

    @Inject
    ImportOperations operations;

    @Inject
    ObjectMapper json;

    @Override
    public Integer call() throws Exception {
        Connection target = target();
        List<ImportIds> wanted = ImportIds.parse(ids, index, target, spec.commandLine());
        List<ImportModel> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Failure first = null;
        int failed = 0;
        for (ImportIds id : wanted) {
            try {
                ImportModel model = operations.describe(target, id.index(), id.id());
                if (model == null) {
                    problems.add("no import " + id.shown() + " (Pinecone does not know this id"
                            + (id.index() == null ? "" : " in the index " + id.index()) + ")");
                } else {
                    found.add(model);
                }
            } catch (Failure failure) {
                if (PartlyFailed.sameForEvery(failure)) {
                    throw failure;
                }
                // one import's failure must not hide the others: what was found is shown, then why not the rest
                first = first == null ? failure : first;
                failed++;
                problems.add(id.shown() + ": " + Output.printable(failure.getMessage()));
            }
        }
        if (!found.isEmpty() || problems.isEmpty() || output != Output.table) {
            // a table with no rows would read as "no imports" where the errors below say why
            output.print(new ImportPage(found, null, null, null), spec.commandLine().getOut(), json, Instant.now());
        }
        PrintWriter err = spec.commandLine().getErr();
        problems.forEach(problem -> err.println("pinecone-imports: " + problem));
        err.flush();
        if (first != null) {
            throw new PartlyFailed(first, failed, wanted.size(), "could not be described");
        }
        return problems.isEmpty() ? Cli.OK : Cli.FOUND_FAILURES;
    }
}
