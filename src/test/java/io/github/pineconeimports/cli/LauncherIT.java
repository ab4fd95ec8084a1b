package io.github.pineconeimports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.github.pineconeimports.support.Emulator;

/**
 * target/pinecone-imports, as a user runs it after {@code mvn package}: the packaged command line with its class
 * archive, against an emulator on loopback. Its output is the answer alone, whatever the JVM did to start fast.
 */
class LauncherIT {

    static final Path TARGET = Path.of(System.getProperty("project.build.directory", "target"));
    static final Path ERR = TARGET.resolve("launcher-it.err");

    record Run(int exit, List<String> out, String err) {
    }

    @Test
    void listsLikeTheCommandLineWithNothingButTheAnswerOnStdout() throws Exception {
        try (StandaloneEmulator emulator = new StandaloneEmulator(Duration.ofSeconds(1), Clock.systemUTC())) {
            Run listed = launch(Map.of("PINECONE_INDEX_HOST", emulator.url(), "PINECONE_API_KEY", Emulator.KEY),
                    "list", "--status", "Failed", "--output", "ids");
            assertEquals(0, listed.exit(), listed.err());
            List<String> expected = emulator.store().list(0, 1000).data().stream().filter(i -> "Failed".equals(i.get("status")))
                    .map(i -> (String) i.get("id")).toList();
            assertEquals(expected, listed.out(), "stdout is the ids and nothing else");
            assertEquals("", listed.err(), "and the JVM said nothing");
        }
        Run unconfigured = launch(Map.of(), "list");
        assertEquals(2, unconfigured.exit());
        assertTrue(unconfigured.err().startsWith("pinecone-imports: PINECONE_API_KEY is not set"), unconfigured.err());
        try (Stream<Path> files = Files.list(TARGET.resolve("quarkus-app"))) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().matches("cli-jdk.*\\.(jsa|aot)")), "the class archive is in place");
        }
    }

    private static Run launch(Map<String, String> env, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of(TARGET.resolve("pinecone-imports").toString()),
                Stream.of(args)).toList()).redirectError(ERR.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("PINECONE_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        List<String> out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the command ended");
        return new Run(process.exitValue(), out, Files.readString(ERR));
    }
}
