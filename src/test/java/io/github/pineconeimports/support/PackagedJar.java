package io.github.pineconeimports.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged JVM build (target/quarkus-app) run as an operator runs it, in a process of its own. */
public final class PackagedJar {

    private static final Path JAR = Path.of(System.getProperty("project.build.directory", "target"), "quarkus-app",
            "quarkus-run.jar").toAbsolutePath();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    /** The port and the character after it, so that a port half written to the log is never read. */
    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)\\D");

    private PackagedJar() {
    }

    /**
     * Starts {@code java jvmOptions -jar quarkus-run.jar arguments} in {@code home}, a folder of its own (so that no
     * .env or config/ of the working directory feeds settings back in), with this machine's environment less its
     * PINECONE_ and IMPORTS_ variables, plus {@code env}. Its output goes to {@code log}.
     */
    public static Process start(Path home, Path log, Map<String, String> env, List<String> jvmOptions,
            String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("PINECONE_") || name.startsWith("IMPORTS_"));
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Starts the HTTP build on a free loopback port, with these JVM options; {@link #awaitPort} reads which. */
    public static Process serve(Path home, Path log, Map<String, String> env, String... jvmOptions) throws IOException {
        List<String> options = new ArrayList<>(List.of("-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=0"));
        options.addAll(List.of(jvmOptions));
        return start(home, log, env, options);
    }

    /**
     * The port a server started by {@link #serve} says in {@code log} that it listens on, waiting at most {@code wait}
     * for it to say so; empty when it ended or the time ran out first.
     */
    public static OptionalInt awaitPort(Process server, Path log, Duration wait) throws InterruptedException {
        long until = System.nanoTime() + wait.toNanos();
        OptionalInt port = port(log);
        while (port.isEmpty() && server.isAlive() && System.nanoTime() - until < 0) {
            Thread.sleep(50);
            port = port(log);
        }
        return port;
    }

    private static OptionalInt port(Path log) {
        try {
            Matcher listening = LISTENING.matcher(Files.readString(log));
            return listening.find() ? OptionalInt.of(Integer.parseInt(listening.group(1))) : OptionalInt.empty();
        } catch (IOException e) {
            return OptionalInt.empty();
        }
    }
}
