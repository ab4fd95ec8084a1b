package io.github.pineconeimports.cli;

import jakarta.inject.Inject;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import picocli.CommandLine;

/**
 * One artifact, two uses: with arguments it is the {@code pinecone-imports} command line; without, it serves the
 * function over HTTP. A command-line run never opens the HTTP port.
 */
@QuarkusMain
public class Main implements QuarkusApplication {

    @Inject
    CommandLine.IFactory factory;

    public static void main(String... args) {
        if (args.length > 0) {
            // a command-line run: no HTTP port, and only warnings in the log (on stderr, as always)
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("quarkus.log.level", "WARN");
        }
        Quarkus.run(Main.class, args);
    }

    @Override
    public int run(String... args) {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        return Cli.commandLine(factory).execute(args);
    }
}
