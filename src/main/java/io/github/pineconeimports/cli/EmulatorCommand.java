package io.github.pineconeimports.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import io.github.pineconeimports.emulator.EmulatorProject;
import io.github.pineconeimports.emulator.EmulatorServer;
import io.github.pineconeimports.emulator.EmulatorSettings;
import io.github.pineconeimports.emulator.EmulatorStore;
import io.github.pineconeimports.imports.IndexNames;
import io.quarkus.runtime.Quarkus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "emulator", mixinStandardHelpOptions = true,
        description = "Run the Pinecone bulk-import emulator on its own, for curl, your workflows or the official"
                + " SDKs.",
        footerHeading = "%nExamples:%n", footer = {
                "  pinecone-imports emulator --port 5080",
                "  curl -H 'Api-Key: " + EmulatorSettings.API_KEY + "' 'localhost:5080/bulk/imports?limit=2'",
                "  PINECONE_API_KEY=" + EmulatorSettings.API_KEY + " \\",
                "    PINECONE_INDEX_HOST=http://localhost:5080 pinecone-imports list",
                "  pinecone-imports emulator --indexes alpha,beta,gamma --port 5080",
                "  PINECONE_API_KEY=" + EmulatorSettings.API_KEY + " \\",
                "    PINECONE_CONTROLLER_HOST=http://127.0.0.1:5080 \\",
                "    pinecone-imports list --index '*'" })
class EmulatorCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "5080",
            description = "port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--bind", defaultValue = EmulatorSettings.HOST,
            description = "address to listen on (default: ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--api-key", defaultValue = EmulatorSettings.API_KEY,
            description = "the key it accepts (default: ${DEFAULT-VALUE})")
    String apiKey;

    @Option(names = "--imports", defaultValue = EmulatorSettings.IMPORTS,
            description = "imports it starts with (default: ${DEFAULT-VALUE})")
    int imports;

    @Option(names = "--seed", defaultValue = EmulatorSettings.SEED,
            description = "seed of the generated imports (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--tick", defaultValue = EmulatorSettings.TICK, converter = Converters.Span.class,
            description = "one step of a started import (default: ${DEFAULT-VALUE})")
    Duration tick;

    @Option(names = "--for", paramLabel = "DURATION", converter = Converters.Span.class,
            description = "stop after this long (default: until interrupted)")
    Duration lifetime;

    @Option(names = "--start-time", paramLabel = "INSTANT", converter = Converters.When.class,
            description = "start the emulator's clock at this instant (with --seed: the same imports and finish "
                    + "times every run)")
    Converters.Moment startTime;

    @Option(names = "--step-per-listing", paramLabel = "DURATION", converter = Converters.Span.class,
            description = "its clock stands still and moves this much per listing: a poller sees one step of "
                    + "progress per poll")
    Duration stepPerListing;

    @Option(names = "--indexes", paramLabel = "NAMES", split = ",",
            description = "several indexes, each on a port of its own, behind a control plane on --port (GET /indexes)")
    List<String> indexes = new ArrayList<>();

    @Option(names = "--port-file", paramLabel = "FILE",
            description = "write the port it listens on to FILE once it listens (for scripts that start it with "
                    + "--port 0)")
    Path portFile;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException, IOException {
        if (imports < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--imports must be 0 or more");
        }
        if (apiKey.isBlank() || tick.isZero() || lifetime != null && lifetime.isZero()) {
            throw new CommandLine.ParameterException(spec.commandLine(), apiKey.isBlank()
                    ? "--api-key: give the key it accepts; a blank one is no key"
                    : tick.isZero() ? "--tick: more than 0s: each step of a started import takes time"
                    : "--for: more than 0s, or leave it out to serve until interrupted");
        }
        if (bind.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--bind must be an address, such as 127.0.0.1 or 0.0.0.0");
        }
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--port must be from 0 to 65535 (0 picks a free one), not " + port);
        }
        for (String name : indexes) {
            // names the client would refuse must not be served
            if (!IndexNames.isIndexName(name) || indexes.indexOf(name) != indexes.lastIndexOf(name)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--indexes: '" + Output.printable(name)
                        + "' is "
                        + (IndexNames.isIndexName(name) ? "given twice"
                                : "not an index name (1-45 of a-z, 0-9 and '-')"));
            }
        }
        return serve();
    }

    private int serve() throws InterruptedException, IOException {
        Clock clock = EmulatorStore.clock(Clock.systemUTC(), startTime == null ? null
                : startTime.resolve(Instant.now()), stepPerListing);
        PrintWriter out = spec.commandLine().getOut();
        EmulatorSettings settings = EmulatorSettings.defaults().listening(bind, port).withApiKey(apiKey)
                .withImports(imports, seed).withTime(tick, clock);
        if (indexes.isEmpty()) {
            try (EmulatorServer server = listening(() -> EmulatorServer.start(settings))) {
                server.store().runSeeded();
                out.printf("Pinecone bulk-import emulator on http://%s:%d with %d imports (Api-Key: %s)%n", bind,
                        server.port(), imports, apiKey);
                serve(server.port());
            }
        } else {
            try (EmulatorProject project = listening(
                    () -> EmulatorProject.start(settings, indexes))) {
                project.indexes().values().forEach(index -> index.store().runSeeded());
                out.printf("Pinecone control plane emulator on http://%s:%d (Api-Key: %s) with %d imports in each "
                        + "index:%n", bind, project.port(), apiKey, imports);
                project.indexes().forEach((name, index) -> out.printf("  %s on http://%s:%d%n", name, bind,
                        index.port()));
                serve(project.port());
            }
        }
        return Cli.OK;
    }

    /** Starts a server; a port or address it cannot have is said in one line (exit 6), not as a bug. */
    private <T> T listening(Supplier<T> start) {
        try {
            return start.get();
        } catch (RuntimeException e) {
            IOException cannot = ExitCodes.cannotListen(e);
            if (cannot == null) {
                throw e;
            }
            throw new Cli.CannotListenException(bind + ":" + port, cannot,
                    "choose another --port (0 picks a free one) or --bind");
        }
    }

    /** Says the port, then serves until --for passes or the process is stopped. */
    private void serve(int listening) throws InterruptedException, IOException {
        spec.commandLine().getOut().flush();
        if (portFile != null) {
            // written whole, then moved into place: a reader never sees half a number
            try {
                Path partial = Files.writeString(portFile.resolveSibling(portFile.getFileName() + ".tmp"),
                        String.valueOf(listening));
                Files.move(partial, portFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--port-file: cannot write " + portFile
                        + " ("
                        + e.getClass().getSimpleName() + ")");
            }
        }
        if (lifetime != null) {
            Thread.sleep(lifetime.toMillis());
        } else {
            Quarkus.waitForExit();
        }
    }
}
