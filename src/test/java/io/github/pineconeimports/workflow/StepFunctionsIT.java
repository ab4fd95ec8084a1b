package io.github.pineconeimports.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.github.pineconeimports.emulator.EmulatorProject;
import io.github.pineconeimports.emulator.EmulatorServer;
import io.github.pineconeimports.emulator.EmulatorSettings;
import io.github.pineconeimports.emulator.EmulatorStore;
import io.github.pineconeimports.support.Emulator;
import io.github.pineconeimports.support.LambdaRuntimeApi;
import io.github.pineconeimports.support.ManualClock;
import io.github.pineconeimports.support.PackagedLambda;

/**
 * deploy/aws/wait-for-imports.asl.json, executed: aws-local-stepfunctions (an Amazon States Language interpreter
 * that is not ours, on Node) runs the state machine as shipped; its Lambda task is served by the packaged
 * {@code function.zip} under AWS's runtime client; the function lists the emulator. The emulator's clock is the
 * test's: each invocation moves it by the poll interval, as the Wait state would, so what every poll sees is fixed
 * whatever the machine's speed (the Wait and retry intervals themselves are overridden to a millisecond).
 *
 * <p>Every scenario runs against realistic data around the batch: the emulator's 250 older imports, the newest of
 * them still Pending or InProgress and many Failed, all created before {@code since}.
 */
class StepFunctionsIT {

    static final Path DEFINITION = Path.of("deploy", "aws", "wait-for-imports.asl.json");
    static final Path LAMBDA_BUILD = Path.of(System.getProperty("lambda.build.directory", "target/lambda"));
    // installed by the HTTP build under target/node (a native build runs this test with the main build's install)
    static final Path INTERPRETER = Path.of("target",
            "node/node_modules/aws-local-stepfunctions/build/main.node.esm.js");
    static final Duration POLL = Duration.ofSeconds(60);
    static final int MAX_INVOCATIONS = 100;
    static final ObjectMapper JSON = new ObjectMapper();

    static EmulatorServer emulator;
    static PackagedLambda function;
    static HttpServer invokeApi;
    static volatile PackagedLambda target;
    static final AtomicInteger invocations = new AtomicInteger();
    /** What happens to the emulator just before invocation n (1-based) reaches the function. */
    static volatile IntConsumer beforeInvocation = n -> {
    };

    static final ManualClock clock = new ManualClock();
    static EmulatorStore store;
    Instant since;

    @BeforeAll
    static void start() throws Exception {
        boolean built = Files.isRegularFile(LAMBDA_BUILD.resolve("function.zip")) && Files.isRegularFile(INTERPRETER);
        // the HTTP build runs the JVM Lambda's zip; the native HTTP build the native Lambda's, when the natives made it
        Assumptions.assumeTrue(built || !Boolean.getBoolean("skipBindings"),
                "no " + LAMBDA_BUILD.resolve("function.zip") + " or interpreter to run (-DskipBindings, or -Dnative"
                + " without -Plambda -Dnative and the HTTP build first)");
        assertTrue(built, "no " + LAMBDA_BUILD.resolve("function.zip") + " or no " + INTERPRETER);
        emulator = EmulatorServer.start(EmulatorSettings.defaults()
                .withTime(Duration.ofMinutes(1), clock));
        store = emulator.store();
        function = PackagedLambda.start(LAMBDA_BUILD,
                Map.of("PINECONE_INDEX_HOST", emulatorUrl(), "PINECONE_API_KEY", Emulator.KEY),
                "step-functions-lambda.log");
        invokeApi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        invokeApi.createContext("/invoke", StepFunctionsIT::invoke);
        invokeApi.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (invokeApi != null) {
            invokeApi.stop(0);
        }
        if (function != null) {
            function.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @BeforeEach
    void freshIndex() {
        // a day later, the same 250 older imports again, then the batch a few hours after them
        clock.advance(Duration.ofDays(1));
        store.reset(250, 42);
        emulator.failWith(null);
        target = function;
        invocations.set(0);
        clock.advance(Duration.ofHours(3));
        since = clock.instant();
        beforeInvocation = n -> {
        };
    }

    @Test
    void theBatchSettlesAndTheExecutionSucceedsAfterWaiting() throws Exception {
        List<String> batch = List.of("s3://acme/batch-a/", "s3://acme/batch-b/", "s3://acme/batch-c/");
        batch.forEach(uri -> store.start(uri, since));

        JsonNode run = execute(Map.of("since", since.toString()));

        assertEquals("SUCCEEDED", run.path("status").asText(), run.toString());
        // polled until the last import's finish was visible, not once more and not once less
        long polls = store.finishesAfter(batch.get(0)).dividedBy(POLL) + 1;
        assertEquals(polls, run.path("invocations").asLong(), run.toString());
        assertEquals(polls - 1, count(run.path("states"), "WaitBeforeNextPoll"), "it waited between polls");
        JsonNode matched = run.path("output").path("imports").path("matched");
        assertEquals(3, matched.path("total").asInt(), run.toString());
        assertEquals(3, matched.path("byStatus").path("Completed").asInt());
        assertEquals(0, matched.path("byStatus").path("Failed").asInt());
        // the older imports were read, and changed nothing: some are still running, many failed
        assertEquals(253, run.path("output").path("imports").path("scanned").asInt(), run.toString());
        Map<String, Long> older = olderStatuses();
        assertTrue(older.get("Pending") + older.get("InProgress") > 0 && older.get("Failed") > 0, older.toString());
    }

    @Test
    void aFailedImportOfTheBatchFailsTheExecution() throws Exception {
        store.start("s3://acme/batch-a/", since);
        store.start("s3://acme/batch-fail-b/", since);
        store.start("s3://acme/batch-c/", since);

        JsonNode run = execute(Map.of("since", since.toString(), "pollSeconds", 60));

        assertEquals("FAILED", run.path("status").asText(), run.toString());
        assertEquals("ImportsFailed", run.path("error").asText());
        assertEquals(store.finishesAfter("s3://acme/batch-fail-b/").dividedBy(POLL) + 1,
                run.path("invocations").asLong());
        assertEquals("Of 3 imports created since " + since + ", 1 ended Failed and 0 Cancelled"
                + " (2 still Pending or InProgress)",
                run.path("cause").asText());
    }

    @Test
    void aCancelledImportOfTheBatchFailsTheExecution() throws Exception {
        store.start("s3://acme/batch-a/", since);
        String cancelled = store.start("s3://acme/batch-b/", since);
        beforeInvocation = n -> {
            if (n == 3) {
                store.cancel(cancelled);
            }
        };

        JsonNode run = execute(Map.of("since", since.toString()));

        assertEquals("ImportsFailed", run.path("error").asText(), run.toString());
        assertEquals(3, run.path("invocations").asInt());
        assertTrue(run.path("cause").asText().contains("0 ended Failed and 1 Cancelled"), run.toString());
    }

    @Test
    void olderImportsOutsideTheWindowChangeNothing() throws Exception {
        // nothing created since: the older Pending, InProgress and Failed imports are no reason to wait or to fail
        JsonNode run = execute(Map.of("since", since.toString()));

        assertEquals("SUCCEEDED", run.path("status").asText(), run.toString());
        assertEquals(1, run.path("invocations").asInt());
        assertEquals(0, run.path("output").path("imports").path("matched").path("total").asInt());
        assertEquals(250, run.path("output").path("imports").path("scanned").asInt());
    }

    @Test
    void badInputIsInvalidInputAfterOneInvocation() throws Exception {
        JsonNode run = execute(Map.of("since", "yesterday"));

        assertEquals("InvalidInput", run.path("error").asText(), run.toString());
        assertEquals(1, run.path("invocations").asInt());
        assertTrue(run.path("cause").asText().contains("since: 'yesterday' is not an instant"), run.toString());
    }

    @Test
    void inputTheStateMachineChecksItselfFailsBeforeAnyInvocation() throws Exception {
        // a missing, null, empty or blank since would make the batch the whole index
        Map<String, Object> nullSince = new java.util.HashMap<>();
        nullSince.put("since", null);
        for (Map<String, Object> input : List.of(Map.<String, Object>of("pollSeconds", 60), nullSince,
                Map.<String, Object>of("since", ""), Map.<String, Object>of("since", "  "),
                Map.<String, Object>of("since", 1732838400))) {
            JsonNode noSince = execute(input);
            assertEquals("InvalidInput", noSince.path("error").asText(), input + ": " + noSince);
            assertTrue(noSince.path("cause").asText().startsWith("since: required"), noSince.toString());
        }
        JsonNode badPoll = execute(Map.of("since", since.toString(), "pollSeconds", 0));
        assertEquals("InvalidInput", badPoll.path("error").asText(), badPoll.toString());
        assertTrue(badPoll.path("cause").asText().startsWith("pollSeconds"));
        assertEquals(0, invocations.get());
    }

    @Test
    void aRejectedKeyIsNotConfiguredAfterOneInvocation() throws Exception {
        try (PackagedLambda wrongKey = PackagedLambda.start(LAMBDA_BUILD,
                Map.of("PINECONE_INDEX_HOST", emulatorUrl(), "PINECONE_API_KEY", "pcsk_not_the_key"),
                "step-functions-wrong-key.log")) {
            target = wrongKey;
            JsonNode run = execute(Map.of("since", since.toString()));

            assertEquals("NotConfigured", run.path("error").asText(), run.toString());
            assertEquals(1, run.path("invocations").asInt());
            assertTrue(run.path("cause").asText().contains("401"), run.toString());
        }
    }

    @Test
    void aFewFailedPagesAreRetriedThenTheExecutionSucceeds() throws Exception {
        store.start("s3://acme/batch-a/", since.minus(Duration.ofHours(1)));
        // the first two invocations meet an outage (every page answers 503, through the function's own retries too)
        beforeInvocation = n -> emulator.failWith(n <= 2 ? 503 : null);

        JsonNode run = execute(Map.of("since", since.minus(Duration.ofHours(1)).toString()));

        assertEquals("SUCCEEDED", run.path("status").asText(), run.toString());
        assertEquals(3, run.path("invocations").asInt(),
                "two incomplete listings retried by the state machine, then one whole");
        assertEquals(1, run.path("output").path("imports").path("matched").path("byStatus").path("Completed").asInt());
    }

    @Test
    void aBatchInOneOfSeveralNamedIndexesIsWaitedForAcrossThem() throws Exception {
        // a project of two indexes, each with its own 250 older imports; the function finds them through the control
        // plane
        try (EmulatorProject project = EmulatorProject.start(
                EmulatorSettings.defaults().withTime(Duration.ofMinutes(1), clock), List.of("alpha", "beta"));
                PackagedLambda byName = PackagedLambda.start(LAMBDA_BUILD, Map.of("PINECONE_CONTROLLER_HOST",
                        "http://127.0.0.1:" + project.port(), "PINECONE_API_KEY", Emulator.KEY),
                        "step-functions-indexes.log")) {
            target = byName;
            project.indexes().get("beta").store().start("s3://acme/batch-a/", since);

            JsonNode run = execute(Map.of("since", since.toString(), "index", List.of("alpha", "beta")));

            assertEquals("SUCCEEDED", run.path("status").asText(), run.toString());
            assertEquals(store.finishesAfter("s3://acme/batch-a/").dividedBy(POLL) + 1,
                    run.path("invocations").asLong());
            JsonNode matched = run.path("output").path("imports").path("matched");
            assertEquals(1, matched.path("byIndex").path("beta").path("byStatus").path("Completed").asInt(),
                    run.toString());
            assertEquals(0, matched.path("byIndex").path("alpha").path("total").asInt());
            assertEquals(501, run.path("output").path("imports").path("scanned").asInt(), "both indexes were read");
        }
    }

    @Test
    void tenThousandMatchingImportsKeepEveryPayloadSmall() throws Exception {
        for (int i = 0; i < 10_000; i++) {
            store.start("s3://acme/big-batch/part-" + i + "/", since);
        }
        clock.advance(store.finishesAfter("s3://acme/big-batch/part-0/"));

        JsonNode run = execute(Map.of("since", since.toString()));

        assertEquals("SUCCEEDED", run.path("status").asText(), run.toString());
        assertEquals(10_000,
                run.path("output").path("imports").path("matched").path("byStatus").path("Completed").asInt());
        assertTrue(run.path("maxPayload").asInt() < 4 * 1024,
                "every state's input and output, and the task's result, stay small: " + run.path("maxPayload"));
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Runs one execution in the interpreter and returns what its runner printed. */
    JsonNode execute(Map<String, Object> input) throws Exception {
        String overrides = "{\"wait\": {\"WaitBeforeNextPoll\": 1}, \"retry\": {\"CountImports\": 1}}";
        String definition = Files.readString(DEFINITION).replace("${ListImportsFunctionArn}",
                "arn:aws:lambda:eu-west-1:123456789012:function:pinecone-imports");
        Path resolved = Files.writeString(
                Path.of(System.getProperty("project.build.directory", "target"), "wait-for-imports.asl.json"),
                definition);
        Path out = Files.createTempFile(resolved.getParent(), "execution", ".json");
        Process node = new ProcessBuilder("node", "src/test/node/run-state-machine.mjs", INTERPRETER.toString(),
                resolved.toString(), JSON.writeValueAsString(input),
                "http://127.0.0.1:" + invokeApi.getAddress().getPort() + "/invoke", overrides)
                .redirectError(ProcessBuilder.Redirect.INHERIT).redirectOutput(out.toFile()).start();
        // bounded in time and in invocations: a waiter that never ends is a failure, found quickly
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!node.waitFor(50, TimeUnit.MILLISECONDS)) {
            if (invocations.get() > MAX_INVOCATIONS || System.nanoTime() > deadline) {
                node.destroyForcibly().waitFor();
                throw new AssertionError("the execution did not end (" + invocations.get() + " invocations)");
            }
        }
        String text = Files.readString(out).strip();
        Files.delete(out);
        assertEquals(0, node.exitValue(), text);
        return JSON.readTree(text.substring(text.lastIndexOf('\n') + 1));
    }

    /** Lambda's Invoke API, for the interpreter: the event to the packaged function, its answer or error back. */
    static void invoke(HttpExchange exchange) throws IOException {
        String event = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        try {
            beforeInvocation.accept(invocations.incrementAndGet());
            // the Wait state's interval, on the emulator's clock: the next poll sees one interval of progress
            clock.advance(invocations.get() == 1 ? Duration.ZERO : POLL);
            LambdaRuntimeApi.Answer answer = target.runtime.invoke(event);
            if (answer.error()) {
                exchange.getResponseHeaders().add("X-Amz-Function-Error", "Unhandled");
            }
            respond(exchange, answer.body());
        } catch (Exception e) {
            exchange.sendResponseHeaders(500, -1);
        } finally {
            exchange.close();
        }
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String emulatorUrl() {
        return "http://127.0.0.1:" + emulator.port();
    }

    private Map<String, Long> olderStatuses() {
        Map<String, Long> byStatus = new java.util.HashMap<>(Map.of("Pending", 0L, "InProgress", 0L, "Failed", 0L));
        for (int offset = 0; offset < 250; offset += 100) {
            store.list(offset, 100).data().forEach(i -> byStatus.merge((String) i.get("status"), 1L, Long::sum));
        }
        return byStatus;
    }

    private static long count(JsonNode states, String name) {
        long n = 0;
        for (JsonNode state : states) {
            n += state.asText().equals(name) ? 1 : 0;
        }
        return n;
    }
}
