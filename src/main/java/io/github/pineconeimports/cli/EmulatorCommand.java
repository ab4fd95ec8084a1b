package io.github.pineconeimports.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import io.github.pineconeimports.emulator.EmulatorProject;
import io.github.pineconeimports.emulator.EmulatorServer;
import io.github.pineconeimports.emulator.EmulatorStore;
import io.quarkus.runtime.Quarkus;
import io.vertx.core.Vertx;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "emulator", mixinStandardHelpOptions = true,
        description = "Run the Pinecone bulk-import emulator on its own, for curl, your workflows or the official SDKs.",
        footerHeading = "%nExamples:%n", footer = {
                "  pinecone-imports emulator --port 5080",
                "  curl -H 'Api-Key: pclocal-emulator-key' http://localhost:5080/bulk/imports?limit=2",
                "  PINECONE_INDEX_HOST=http://localhost:5080 PINECONE_API_KEY=pclocal-emulator-key pinecone-imports list",
                "  pinecone-imports emulator --indexes alpha,beta,gamma --port 5080",
                "  PINECONE_CONTROLLER_HOST=http://127.0.0.1:5080 PINECONE_API_KEY=pclocal-emulator-key pinecone-imports list --index '*'" })
class EmulatorCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "5080", description = "port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--api-key", defaultValue = "pclocal-emulator-key", description = "the key it accepts (default: ${DEFAULT-VALUE})")
    String apiKey;

    @Option(names = "--imports", defaultValue = "250", description = "imports it starts with (default: ${DEFAULT-VALUE})")
    int imports;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the generated imports (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--tick", defaultValue = "1s", converter = Converters.Span.class,
            description = "one step of a started import (default: ${DEFAULT-VALUE})")
    Duration tick;

    @Option(names = "--for", paramLabel = "DURATION", converter = Converters.Span.class,
            description = "stop after this long (default: until interrupted)")
    Duration lifetime;

    @Option(names = "--start-time", paramLabel = "INSTANT", converter = Converters.When.class,
            description = "start the emulator's clock at this instant (with --seed: the same imports and finish times every run)")
    Converters.Moment startTime;

    @Option(names = "--step-per-listing", paramLabel = "DURATION", converter = Converters.Span.class,
            description = "its clock stands still and moves this much per listing: a poller sees one step of progress per poll")
    Duration stepPerListing;

    @Option(names = "--indexes", paramLabel = "NAMES", split = ",",
            description = "several indexes, each on a port of its own, behind a control plane on --port (GET /indexes)")
    List<String> indexes = new ArrayList<>();

    @Option(names = "--port-file", paramLabel = "FILE",
            description = "write the port it listens on to FILE once it listens (for scripts that start it with --port 0)")
    Path portFile;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Inject
    Vertx vertx;

    @Override
    public Integer call() throws InterruptedException, IOException {
        if (imports < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--imports must be 0 or more");
        }
        Clock clock = EmulatorStore.clock(Clock.systemUTC(), startTime == null ? null : startTime.resolve(Instant.now()), stepPerListing);
        PrintWriter out = spec.commandLine().getOut();
        if (indexes.isEmpty()) {
            try (EmulatorServer server = EmulatorServer.start(vertx, bind, port, apiKey, imports, seed, tick, clock)) {
                out.printf("Pinecone bulk-import emulator on http://%s:%d with %d imports (Api-Key: %s)%n", bind, server.port(), imports, apiKey);
                serve(server.port());
            }
        } else {
            try (EmulatorProject project = EmulatorProject.start(vertx, bind, port, apiKey, indexes, imports, seed, tick, clock)) {
                out.printf("Pinecone control plane emulator on http://%s:%d (Api-Key: %s) with %d imports in each index:%n", bind,
                        project.port(), apiKey, imports);
                project.indexes().forEach((name, index) -> out.printf("  %s on http://%s:%d%n", name, bind, index.port()));
                serve(project.port());
            }
        }
        return Cli.OK;
    }

    /** Says the port, then serves until --for passes or the process is stopped. */
    private void serve(int listening) throws InterruptedException, IOException {
        spec.commandLine().getOut().flush();
        if (portFile != null) {
            // written whole, then moved into place: a reader never sees half a number
            Path partial = Files.writeString(portFile.resolveSibling(portFile.getFileName() + ".tmp"), String.valueOf(listening));
            Files.move(partial, portFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        if (lifetime != null) {
            Thread.sleep(lifetime.toMillis());
        } else {
            Quarkus.waitForExit();
        }
    }
}
