package io.github.pineconeimports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import io.github.pineconeimports.emulator.EmulatorServer;
import io.github.pineconeimports.emulator.EmulatorSettings;
import io.github.pineconeimports.support.Emulator;
import io.github.pineconeimports.support.ManualClock;
import io.github.pineconeimports.support.Tools;

/**
 * target/pinecone-imports, as a user runs it after {@code mvn package}: the release archive's launcher, unpacked
 * into target/, against an emulator on loopback. Its output is the answer alone, whatever the JVM did to start fast.
 */
// it mostly waits on a terminal: it runs beside the other integration tests; its own tests one at a time (the lock
// does that), since they share a stderr file and the launcher's cache
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("LauncherIT")
class LauncherIT {

    static final Path TARGET = Path.of(System.getProperty("project.build.directory", "target"));
    static final Path ERR = TARGET.resolve("launcher-it.err");

    record Run(int exit, List<String> out, String err) {
    }

    @Test
    void listsLikeTheCommandLineWithNothingButTheAnswerOnStdout() throws Exception {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorSettings.defaults())) {
            Run listed = launch(Map.of("PINECONE_INDEX_HOST", emulator.url(), "PINECONE_API_KEY", Emulator.KEY),
                    "list", "--status", "Failed", "--output", "ids");
            assertEquals(0, listed.exit(), listed.err());
            List<String> expected = emulator.store().list(0, 1000).data().stream()
                    .filter(i -> "Failed".equals(i.get("status")))
                    .map(i -> (String) i.get("id")).toList();
            assertEquals(expected, listed.out(), "stdout is the ids and nothing else");
            assertEquals("", listed.err(), "and the JVM said nothing");
        }
        Run unconfigured = launch(Map.of(), "list");
        assertEquals(2, unconfigured.exit());
        assertTrue(unconfigured.err().startsWith("pinecone-imports: PINECONE_API_KEY is not set"), unconfigured.err());
        // target/pinecone-imports is the release archive's launcher as JReleaser lays it out: no class archive in it
        assertTrue(Files.isSymbolicLink(TARGET.resolve("pinecone-imports")));
        try (Stream<Path> files = Files.walk(TARGET.resolve("pinecone-imports").toRealPath().getParent().getParent())) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().matches(".*\\.(jsa|aot)")),
                    "no archive in the install");
        }
    }

    @Test
    void aSettingThatCannotBeUsedIsAUsageErrorInOneLine() throws Exception {
        for (Map.Entry<String, String> setting : Map.of("PINECONE_RETRIES", "abc", "PINECONE_RETRY_DELAY", "-1s")
                .entrySet()) {
            Run run = launch(Map.of("PINECONE_INDEX_HOST", "http://127.0.0.1:1", "PINECONE_API_KEY", "k",
                    setting.getKey(), setting.getValue()), "list");
            assertEquals(Cli.USAGE, run.exit(), run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().contains(
                    setting.getKey().equals("PINECONE_RETRIES") ? "pinecone.retries" : "PINECONE_RETRY_DELAY"),
                    run.err());
        }
    }

    @Test
    void servingOnAPortOutOfRangeIsASettingInOneLine() throws Exception {
        Run serve = launch(Map.of("PINECONE_INDEX_HOST", "http://127.0.0.1:1", "PINECONE_API_KEY", "k",
                "QUARKUS_HTTP_PORT", "70000"));
        assertEquals(Cli.USAGE, serve.exit(), serve.err());
        assertEquals(List.of("pinecone-imports: cannot start: QUARKUS_HTTP_PORT (quarkus.http.port): port must be <="
                + " 65535 (0 picks a free one)"), serve.err().lines().toList());
    }

    @Test
    void servingOnATakenPortIsExitSixInOneLine() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            Run serve = launch(Map.of("PINECONE_INDEX_HOST", "http://127.0.0.1:1", "PINECONE_API_KEY", "k",
                    "QUARKUS_HTTP_PORT", String.valueOf(taken.getLocalPort())));
            assertEquals(Cli.CANNOT_LISTEN, serve.exit(), serve.err());
            assertEquals(List.of("pinecone-imports: cannot listen on 0.0.0.0:" + taken.getLocalPort()
                    + ": the port is taken by another process; set QUARKUS_HTTP_PORT (and QUARKUS_HTTP_HOST) to where"
                    + " it may listen"), serve.err().lines().toList());
        }
    }

    /**
     * watch on a real terminal of 60 columns and 12 rows (tmux), with more imports than rows and lines wider than
     * the screen: no line wraps, nothing reaches the scrollback while it redraws, and no row is drawn twice.
     */
    @Test
    void watchRedrawsInPlaceOnASmallTerminal() throws Exception {
        String tmux = Tools.require("tmux", "tmux").toString();
        String socket = "pinecone-imports-it-" + ProcessHandle.current().pid();
        // the emulator's clock moves a step per reading, not with the wall clock: the imports finish after so many
        // polls, however slowly this machine starts the command
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorSettings.defaults().withTime(Duration.ofSeconds(1),
                ManualClock.stepping(Instant.now(), Duration.ofMillis(250))))) {
            emulator.store().runSeeded();
            String command = "env -u PINECONE_INDEX -u PINECONE_CONTROLLER_HOST -u PINECONE_API_KEY_SECRET"
                    + " PINECONE_INDEX_HOST=" + emulator.url() + " PINECONE_API_KEY=" + Emulator.KEY + " "
                    + TARGET.resolve("pinecone-imports").toAbsolutePath() + " watch --interval 1s --timeout 90s;"
                    + " echo EXIT=$?; sleep 120";
            tmux(tmux, socket, "new-session", "-d", "-x", "60", "-y", "12", "-s", "watch", command);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(100);
            String screen = "";
            String all = "";
            java.util.Set<String> drawings = new java.util.HashSet<>();
            while (!all.contains("EXIT=") && System.nanoTime() < deadline) {
                // the scrollback's size first, then the screen: if the final summary (which may scroll) is not on the
                // screen read after it, the size was read while watch was still redrawing in place
                String history = tmux(tmux, socket, "display", "-p", "-t", "watch", "#{history_size}").strip();
                screen = tmux(tmux, socket, "capture-pane", "-p", "-J", "-t", "watch");
                all = tmux(tmux, socket, "capture-pane", "-p", "-J", "-S", "-", "-t", "watch"); // the scrollback too
                if (!all.contains("finished:") && screen.contains("records")) {
                    drawings.add(screen);
                    assertEquals("0", history, "nothing scrolled away:\n" + screen);
                    List<String> rows = screen.lines().filter(l -> !l.isBlank()).toList();
                    assertTrue(rows.size() <= 12 && rows.stream().allMatch(l -> l.length() <= 60),
                            "fits 60 x 12:\n" + screen);
                    List<String> ids = rows.stream().filter(l -> l.matches("[0-9]+ .*")).map(l -> l.split(" ")[0])
                            .toList();
                    assertEquals(ids.size(), ids.stream().distinct().count(), "no row twice:\n" + screen);
                }
                TimeUnit.MILLISECONDS.sleep(250);
            }
            assertTrue(all.contains("EXIT=0") || all.contains("EXIT=1"), all);
            assertTrue(all.contains("import(s) finished"), all);
            assertTrue(drawings.size() > 2, "it was seen redrawing: " + drawings.size() + " different drawings");
        } finally {
            new ProcessBuilder(tmux, "-L", socket, "kill-server").start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * cancel by a filter on a real terminal (tmux) shows what it selected and asks: "n" cancels nothing (exit 1), as
     * does no answer within --answer-within; "y" cancels exactly what it showed (exit 0).
     */
    @Test
    void cancelByFilterAsksOnATerminal() throws Exception {
        String tmux = Tools.require("tmux", "tmux").toString();
        String socket = "pinecone-imports-cancel-" + ProcessHandle.current().pid();
        // the seeded running imports never move on (nothing runs them): the filter selects the same ones twice
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorSettings.defaults())) {
            List<String> pending = emulator.store().list(0, 1000).data().stream()
                    .filter(i -> "Pending".equals(i.get("status"))).map(i -> (String) i.get("id")).toList();
            assertFalse(pending.isEmpty(), "the seed holds Pending imports");
            String cancel = "env -u PINECONE_INDEX -u PINECONE_CONTROLLER_HOST -u PINECONE_API_KEY_SECRET"
                    + " PINECONE_INDEX_HOST=" + emulator.url() + " PINECONE_API_KEY=" + Emulator.KEY + " "
                    + TARGET.resolve("pinecone-imports").toAbsolutePath() + " cancel --status Pending";
            // asked three times: declined, not answered (a terminal nobody watches), accepted
            tmux(tmux, socket, "new-session", "-d", "-x", "200", "-y", "50", "-s", "cancel", cancel
                    + "; echo EXIT=$?; " + cancel + " --answer-within 2s; echo EXIT=$?; " + cancel
                    + "; echo EXIT=$?; sleep 120");
            String all = awaitScreen(tmux, socket, "[y/N]", 1);
            assertTrue(all.contains("Will cancel " + pending.size() + " import(s):"), all);
            tmux(tmux, socket, "send-keys", "-t", "cancel", "n", "Enter");
            all = awaitScreen(tmux, socket, "No answer within 2s.", 1);
            assertTrue(all.contains("Nothing cancelled.\nEXIT=1"), all);
            all = awaitScreen(tmux, socket, "[y/N]", 3);
            assertEquals(2, all.split("Nothing cancelled\\.\nEXIT=1", -1).length - 1, all);
            for (String id : pending) {
                assertEquals("Pending", emulator.store().describe(id).orElseThrow().get("status"), "declined");
            }
            tmux(tmux, socket, "send-keys", "-t", "cancel", "y", "Enter");
            all = awaitScreen(tmux, socket, "EXIT=0", 1);
            for (String id : pending) {
                assertTrue(all.contains(id + "  cancelled (it was Pending)"), all);
                assertEquals("Cancelled", emulator.store().describe(id).orElseThrow().get("status"));
            }
        } finally {
            new ProcessBuilder(tmux, "-L", socket, "kill-server").start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The pane with its scrollback, once {@code text} stands in it {@code times} times (at most 100 s). */
    private static String awaitScreen(String tmuxPath, String socket, String text, int times) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(100);
        String all = "";
        while (all.split(java.util.regex.Pattern.quote(text), -1).length - 1 < times && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(250);
            all = tmux(tmuxPath, socket, "capture-pane", "-p", "-J", "-S", "-", "-t", "cancel");
        }
        return all;
    }

    private static String tmux(String tmuxPath, String socket, String... args) throws Exception {
        Process tmux = new ProcessBuilder(Stream.concat(Stream.of(tmuxPath, "-L", socket), Stream.of(args)).toList())
                .redirectErrorStream(true).start();
        String out = new String(tmux.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(tmux.waitFor(10, TimeUnit.SECONDS) && tmux.exitValue() == 0,
                "tmux " + String.join(" ", args) + ": " + out);
        return out;
    }

    private static Run launch(Map<String, String> env, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                Stream.concat(Stream.of(TARGET.resolve("pinecone-imports").toString()), Stream.of(args)).toList())
                .redirectError(ERR.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("PINECONE_"));
        // the launcher trains its class archive on the first run: into target/, not this user's cache
        builder.environment().put("XDG_CACHE_HOME", TARGET.resolve("launcher-cache").toAbsolutePath().toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        List<String> out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the command ended");
        return new Run(process.exitValue(), out, Files.readString(ERR));
    }
}
