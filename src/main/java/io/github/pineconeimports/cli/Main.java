package io.github.pineconeimports.cli;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.smallrye.config.ConfigValidationException;
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
            // a command-line run: no HTTP port, and only warnings in the log (on stderr, as always); set for this
            // run only: a test (MainTest) runs the command line in a JVM that goes on to serve other tests
            Map<String, String> commandLine = Map.of("quarkus.http.host-enabled", "false", "quarkus.log.level", "WARN",
                    "quarkus.log.category.\"io.quarkus\".level", "WARN");
            Map<String, String> before = new HashMap<>();
            commandLine.forEach((name, value) -> before.put(name, System.setProperty(name, value)));
            try {
                runCommandLine(args);
            } finally {
                before.forEach((name, value) -> {
                    if (value == null) {
                        System.clearProperty(name);
                    } else {
                        System.setProperty(name, value);
                    }
                });
            }
            return;
        }
        BiConsumer<Integer, Throwable> exit = ApplicationLifecycleManager.getDefaultExitCodeHandler();
        Quarkus.run(Main.class, (code, failure) -> {
            // serving: a port that is taken is the machine's problem, said in one line with its own code, not 1
            IOException socket = failure == null ? null : Cli.CannotListenException.find(failure);
            if (socket != null) {
                Config config = ConfigProvider.getConfig();
                String where = config.getOptionalValue("quarkus.http.host", String.class).orElse("0.0.0.0") + ":"
                        + config.getOptionalValue("quarkus.http.port", String.class).orElse("8080");
                System.err.println("pinecone-imports: " + new Cli.CannotListenException(where, socket,
                        "set QUARKUS_HTTP_PORT (and QUARKUS_HTTP_HOST) to where it may listen").getMessage());
                exit.accept(Cli.CANNOT_LISTEN, failure);
                return;
            }
            // anything else that stops the start is said, in its own words, rather than an empty log and exit 1
            if (failure != null) {
                String unreadable = unreadableSetting(failure);
                System.err.println("pinecone-imports: cannot start: " + (unreadable != null ? unreadable
                        : cause(failure)));
            }
            exit.accept(code, failure);
        });
    }

    /** The command line: Quarkus' own exit handler ends the process (and, in tests, only records the code). */
    private static void runCommandLine(String... args) {
        BiConsumer<Integer, Throwable> exit = ApplicationLifecycleManager.getDefaultExitCodeHandler();
        Quarkus.run(Main.class, (code, failure) -> {
            // a setting that cannot be read is a usage error (2), not "--fail-on matched" (1)
            // and any other failure to start is said in one line (Quarkus is silent once a handler is given)
            String unreadable = failure == null ? null : unreadableSetting(failure);
            if (failure != null) {
                String said = unreadable != null ? unreadable : "cannot start: " + cause(failure);
                System.err.println("pinecone-imports: " + said);
            }
            exit.accept(failure == null ? code : unreadable != null ? Cli.USAGE : Cli.BUG, failure);
        }, args);
    }

    /** The innermost cause of a failed start, in one line: the wrapper says only that Quarkus failed to start. */
    static String cause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return Output.printable(String.valueOf(root).strip().replaceAll("\\s+", " "));
    }

    /**
     * What was said about a setting that could not be used, or null: SmallRye Config's word on a value it could not
     * read (a number that is not one), or the TLS registry's on a trust store it could not read, with the reason.
     */
    static String unreadableSetting(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConfigValidationException invalid) {
                return Output.printable(invalid.getMessage().strip().replaceAll("\\s+", " "));
            }
            // the TLS registry refuses a store it cannot read with an IllegalStateException of its own
            StackTraceElement[] where = t.getStackTrace();
            if (t instanceof IllegalStateException && where.length > 0 && where[0].getClassName().startsWith(
                    "io.quarkus.tls.") && String.valueOf(t.getMessage()).startsWith("Invalid ")) {
                return Output.printable((t.getMessage() + " (" + cause(t) + "): check quarkus.tls.* (such as"
                        + " QUARKUS_TLS_TRUST_STORE_PEM_CERTS)").strip().replaceAll("\\s+", " "));
            }
        }
        return null;
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
