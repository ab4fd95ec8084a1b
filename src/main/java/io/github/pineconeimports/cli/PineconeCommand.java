package io.github.pineconeimports.cli;

import java.io.PrintWriter;
import java.util.Map;

import jakarta.inject.Inject;

import io.github.pineconeimports.client.Connection;
import io.github.pineconeimports.client.PineconeConfig;
import io.github.pineconeimports.imports.ImportPage;
import io.github.pineconeimports.imports.Summary;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** What every command that calls Pinecone shares: where it calls (the host, the key's source) and its spec. */
abstract class PineconeCommand {

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Inject
    PineconeConfig config;

    /** The configured connection with this command's options applied; a bad option is a usage error naming it. */
    Connection target() {
        return connection.applyTo(Connection.of(config), spec.commandLine());
    }

    /** Says which named indexes were not ready, so not read: their imports are missing from every format. */
    void unread(ImportPage page) {
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Summary.IndexSummary> byIndex = page.summary().byIndex();
        (byIndex == null ? Map.<String, Summary.IndexSummary> of() : byIndex).forEach((index, part) -> {
            if (Boolean.FALSE.equals(part.ready())) {
                err.println("pinecone-imports: index '" + Output.printable(index) + "' is not ready ("
                        + Output.printable(part.state()) + "): its imports were not read");
            }
        });
        err.flush();
    }
}
