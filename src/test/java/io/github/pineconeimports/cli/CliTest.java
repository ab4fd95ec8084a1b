package io.github.pineconeimports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

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

    /**
     * An import Pinecone accepted and then never describes is not followed on faith: after a minute (of the test's
     * clock) it is an anomaly, exit 3, naming the id to look for. Here only: a process would wait that minute.
     */
    @Test
    void aStartPineconeNeverDescribesIsAnAnomaly() {
        WireMockServer pinecone = fakePinecone();
        try {
            pinecone.stubFor(WireMock.post("/bulk/imports").willReturn(WireMock.okJson("{\"id\": \"78\"}")));
            pinecone.stubFor(WireMock.get("/bulk/imports/78").willReturn(WireMock.aResponse().withStatus(404)
                    .withHeader("Content-Type", "application/json").withBody("{\"code\": 5}")));
            LaunchResult result = launch("start", "s3://bucket/78/", "--wait", "--interval", "10s", "--host",
                    "http://127.0.0.1:" + pinecone.port(), "--api-key-file", keyFile.toString());
            assertEquals(Cli.UPSTREAM, result.exitCode(), result.getOutput() + result.getErrorOutput());
            assertEquals(List.of("78"), result.getOutputStream(), "the id, and no invented status");
            assertTrue(result.getErrorOutput().contains("Pinecone accepted the import but has not described it within"
                    + " 60s (404 for its id); look with: pinecone-imports describe 78"), result.getErrorOutput());
            // asked at 0s, 10s, ..., 60s: each interval, for the minute
            assertEquals(7, pinecone.countRequestsMatching(WireMock.getRequestedFor(WireMock.urlPathEqualTo(
                    "/bulk/imports/78")).build()).getCount());
            // a --timeout shorter than the minute is the user's limit, with its exit code
            LaunchResult limited = launch("start", "s3://bucket/78/", "--wait", "--interval", "10s", "--timeout",
                    "30s", "--host", "http://127.0.0.1:" + pinecone.port(), "--api-key-file", keyFile.toString());
            assertEquals(Cli.TIMEOUT, limited.exitCode(), limited.getOutput() + limited.getErrorOutput());
            assertEquals(List.of("78", "Timed out after 30s with 1 import(s) unfinished."), limited.getOutputStream());
            // a 429 on every look: the wait doubles (20s, then 40s: the minute's rest), then the 429 is said
            pinecone.stubFor(WireMock.post("/bulk/imports").willReturn(WireMock.okJson("{\"id\": \"79\"}")));
            pinecone.stubFor(WireMock.get("/bulk/imports/79").willReturn(WireMock.aResponse().withStatus(429)
                    .withHeader("Retry-After", "0")));
            LaunchResult throttled = launch("start", "s3://bucket/79/", "--wait", "--interval", "10s", "--host",
                    "http://127.0.0.1:" + pinecone.port(), "--api-key-file", keyFile.toString());
            assertEquals(Cli.UPSTREAM, throttled.exitCode(), throttled.getOutput() + throttled.getErrorOutput());
            assertTrue(throttled.getErrorOutput().contains("(429)"), throttled.getErrorOutput());
            // three looks (at 0s, 20s and 60s; without the back-off, seven) of five attempts each (four retries)
            assertEquals(3 * 5, pinecone.countRequestsMatching(WireMock.getRequestedFor(WireMock.urlPathEqualTo(
                    "/bulk/imports/79")).build()).getCount());
        } finally {
            pinecone.stop();
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
