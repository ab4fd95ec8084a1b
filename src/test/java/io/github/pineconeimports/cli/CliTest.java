package io.github.pineconeimports.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.main.LaunchResult;
import picocli.CommandLine;

/** {@link CliSuite}, each command run in this test's started application. */
@QuarkusTest
class CliTest extends CliSuite {

    /**
     * Runs one command in this test's started application, as {@link Main#run} does: starting the application for
     * each of some sixty commands took a minute. The start itself is tested on the packaged artifact (LauncherIT,
     * ConfigurationIT), and {@link CliNativeIT} runs each command as a process of its own.
     */
    @Override
    LaunchResult launch(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine.IFactory factory = Arc.container().instance(CommandLine.IFactory.class).get();
        QuarkusMock.installMockForType(new PassingClock(), WatchClock.class);
        // the application's class loader, also on a thread of the test's own (the emulator test runs one)
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(Cli.class.getClassLoader());
        try {
            int code = Cli.commandLine(factory).setOut(new PrintWriter(out, true))
                    .setErr(new PrintWriter(err, true)).execute(args);
            return new Result(code, out.toString(), err.toString());
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** A watch's time, which passes as the watch waits, without waiting: each poll comes as soon as computed. */
    static final class PassingClock extends WatchClock {
        private Instant now = Instant.now();

        @Override
        synchronized Instant now() {
            return now;
        }

        @Override
        synchronized void pause(Duration time) {
            now = now.plus(time);
        }
    }

    /** What a command printed, and its exit code. */
    record Result(int exitCode, String out, String err) implements LaunchResult {
        @Override
        public List<String> getOutputStream() {
            return out.lines().toList();
        }

        @Override
        public List<String> getErrorStream() {
            return err.lines().toList();
        }
    }
}
