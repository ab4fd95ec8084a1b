package io.github.pineconeimports.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.github.pineconeimports.imports.ImportStatus;
import picocli.CommandLine.Option;

/** {@code --fail-on}: the statuses that make a command a failing pipeline gate (exit 1). */
public class FailOnOption {

    @Option(names = "--fail-on", paramLabel = "STATUS", split = ",", converter = Converters.Status.class,
            completionCandidates = Converters.StatusNames.class,
            description = "exit 1 when an import with one of these statuses is found, e.g. Failed,Cancelled")
    List<ImportStatus> statuses = new ArrayList<>();

    /** {@link Cli#FOUND_FAILURES} when {@code found} holds for one of the statuses, else {@link Cli#OK}. */
    int exitCode(Predicate<ImportStatus> found) {
        return statuses.stream().anyMatch(found) ? Cli.FOUND_FAILURES : Cli.OK;
    }
}
