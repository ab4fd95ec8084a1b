package io.github.pineconeimports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.github.pineconeimports.emulator.EmulatorServer;
import io.github.pineconeimports.emulator.EmulatorSettings;
import io.github.pineconeimports.support.Emulator;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * The command line as Quarkus starts it, once per command (CliTest runs its commands in one started application, and
 * sees only what they print): the output holds the command's own words, and no log line, stack trace or key. Here the
 * log goes to the captured stdout; LauncherIT proves the split between stdout and stderr on the packaged launcher.
 */
@QuarkusMainTest
class MainTest {

    @Test
    void aListingIsTheAnswerOnStdoutAndNothingOnStderr(QuarkusMainLauncher launcher) {
        // the key from the configuration: the test profile's is the emulator's
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorSettings.defaults())) {
            LaunchResult result = launcher.launch("list", "--status", "Failed", "-o", "ids", "--host",
                    emulator.url());
            assertEquals(0, result.exitCode(), result.getErrorOutput());
            assertEquals("", result.getErrorOutput());
            assertTrue(result.getOutput().lines().count() > 0, "the failed imports' ids");
            assertTrue(result.getOutput().lines().allMatch(line -> line.matches("\\d+")),
                    "ids and no log line: " + result.getOutput());
        }
    }

    @Test
    void anUnreachablePineconeIsExitThreeInOneLineWithoutTheKey(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("list", "--host", "http://127.0.0.1:1");
        assertEquals(Cli.UPSTREAM, result.exitCode(), result.getErrorOutput());
        assertEquals(1, result.getErrorStream().size(), result.getErrorOutput());
        assertTrue(result.getErrorOutput().startsWith("pinecone-imports: ") && result.getErrorOutput()
                .contains("Could not reach Pinecone"), result.getErrorOutput());
        assertEquals("", result.getOutput(), "no log line");
        assertFalse(result.getErrorOutput().contains(Emulator.KEY));
    }

    @Test
    void badUsageIsExitTwoWithNoTrace(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("list", "--status", "Bogus", "--host", "http://127.0.0.1:1");
        assertEquals(Cli.USAGE, result.exitCode(), result.getErrorOutput());
        assertTrue(result.getErrorStream().stream().allMatch(line -> line.startsWith("pinecone-imports: ")
                || line.startsWith("Try '")), result.getErrorOutput());
        assertFalse(result.getErrorOutput().contains("Exception") || result.getErrorOutput().contains("\tat "),
                result.getErrorOutput());
        assertEquals("", result.getOutput(), "no log line");
    }
}
