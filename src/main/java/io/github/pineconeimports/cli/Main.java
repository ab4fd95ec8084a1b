package io.github.pineconeimports.cli;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.github.pineconeimports.failure.Failure;
import io.quarkus.runtime.ApplicationLifecycleManager;
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
        if (args.length == 0) {
            start();
            return;
        }
        // a command-line run: no HTTP port, and only warnings in the log (on stderr, as always); set for this run
        // only: a test (MainTest) runs the command line in a JVM that goes on to serve other tests
        Map<String, String> commandLine = Map.of("quarkus.http.host-enabled", "false", "quarkus.log.level", "WARN",
                "quarkus.log.category.\"io.quarkus\".level", "WARN");
        Map<String, String> before = new HashMap<>();
        commandLine.forEach((name, value) -> before.put(name, System.setProperty(name, value)));
        try {
            start(args);
        } finally {
            before.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
        }
    }

    /**
     * Runs the application; Quarkus' own exit handler ends the process (in tests it only records the code). A start
     * that fails is said in one line, with the exit code of what went wrong: Quarkus says nothing once a handler is
     * given, and its own code (1) means "--fail-on matched" here.
     */
    private static void start(String... args) {
        BiConsumer<Integer, Throwable> exit = ApplicationLifecycleManager.getDefaultExitCodeHandler();
        Quarkus.run(Main.class, (code, failure) -> {
            if (failure != null) {
                System.err.println("pinecone-imports: " + startFailure(failure, args.length == 0));
            }
            exit.accept(failure == null ? code : ExitCodes.MAP.getExitCode(failure), failure);
        }, args);
    }

    /**
     * Why the start failed, in one line: the wrapper says only that Quarkus failed to start. A command says only what
     * is wrong with a setting; a server, that it cannot start.
     */
    static String startFailure(Throwable failure, boolean serving) {
        IOException socket = ExitCodes.cannotListen(failure);
        if (socket != null) {
            Config config = ConfigProvider.getConfig();
            String where = config.getOptionalValue("quarkus.http.host", String.class).orElse("0.0.0.0") + ":"
                    + config.getOptionalValue("quarkus.http.port", String.class).orElse("8080");
            return new Cli.CannotListenException(where, socket,
                    "set QUARKUS_HTTP_PORT (and QUARKUS_HTTP_HOST) to where it may listen").getMessage();
        }
        String unreadable = ExitCodes.unreadableSetting(failure);
        if (unreadable != null) {
            return serving ? "cannot start: " + unreadable : unreadable;
        }
        return "cannot start: " + ExitCodes.oneLine(String.valueOf(Failure.root(failure)));
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
