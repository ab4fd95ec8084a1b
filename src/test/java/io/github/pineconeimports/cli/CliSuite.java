package io.github.pineconeimports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.github.pineconeimports.emulator.EmulatorProject;
import io.github.pineconeimports.emulator.EmulatorServer;
import io.github.pineconeimports.emulator.EmulatorSettings;
import io.github.pineconeimports.support.Emulator;
import io.github.pineconeimports.support.ManualClock;
import io.quarkus.test.junit.main.LaunchResult;

/**
 * Every command, every output format and every exit code, against the emulator on a port of its own: run in the
 * started application by {@link CliTest}, and as processes of the native executable by {@link CliNativeIT}.
 */
abstract class CliSuite {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ManualClock CLOCK = ManualClock.stepping(Instant.now(), Duration.ofSeconds(1));
    static EmulatorServer emulator;
    static Path keyFile;

    @BeforeAll
    static void start() throws Exception {
        // the emulator's clock moves one tick each time it is read, not with the wall clock: a started import is
        // Pending, then InProgress for ten readings (every poll of a watch), whatever the speed of the machine
        emulator = EmulatorServer.start(EmulatorSettings.defaults().withTime(Duration.ofSeconds(1), CLOCK));
        keyFile = Files.createTempFile("pinecone-key", ".txt");
        Files.writeString(keyFile, Emulator.KEY + "\n");
    }

    @AfterAll
    static void stop() throws Exception {
        emulator.close();
        Files.deleteIfExists(keyFile);
    }

    @BeforeEach
    void freshData() {
        // the commands read the wall clock (--since 1m): each test starts the emulator's clock level with it, so
        // slow launches (a JVM per command) never add up to a clock minutes behind
        CLOCK.set(Instant.now());
        emulator.store().reset(250, 42);
    }

    /** Runs one command, as the class under test runs it: in the started application, or as a process. */
    abstract LaunchResult launch(String... args);

    /** Runs a command against the test's emulator: its host, and the key from a file, as a user would. */
    LaunchResult run(String... args) {
        String[] all = Arrays.copyOf(args, args.length + 4);
        System.arraycopy(new String[] { "--host", emulator.url(), "--api-key-file", keyFile.toString() }, 0, all,
                args.length, 4);
        return launch(all);
    }

    @Test
    void aHostFlagWithTheConfiguredKey() {
        // the key from the configuration (PINECONE_API_KEY; the test profile's is the emulator's), the host from --host
        LaunchResult result = launch("list", "--host", emulator.url(), "--status", "Failed",
                "--output", "ids");
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        assertEquals(statusCount("Failed"), result.getOutput().lines().count());
        LaunchResult controller = launch("list", "--host", "", "--controller-host", "http://127.0.0.1:1",
                "--index", "x");
        assertEquals(Cli.UPSTREAM, controller.exitCode(),
                "the control plane cannot be reached (3), not a missing key (2): "
                + controller.getErrorOutput());
    }

    @Test
    void listJsonHoldsExactlyTheFailedImports() throws Exception {
        LaunchResult result = run("list", "--status", "failed", "--output", "json");
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        Map<?, ?> page = JSON.readValue(result.getOutput(), Map.class);
        List<?> data = (List<?>) page.get("data");
        assertEquals(statusCount("Failed"), data.size());
        assertTrue(data.stream().allMatch(i -> "Failed".equals(((Map<?, ?>) i).get("status"))));
        assertFalse(page.containsKey("pagination"), "the whole listing, no continuation");
    }

    @Test
    void ndjsonIdsAndCsv() throws Exception {
        LaunchResult ndjson = run("list", "-s", "Cancelled", "-o", "ndjson");
        List<String> lines = ndjson.getOutputStream();
        assertEquals(statusCount("Cancelled"), lines.size(), ndjson.getOutput());
        for (String line : lines) {
            assertEquals("Cancelled", JSON.readValue(line, Map.class).get("status"));
        }
        LaunchResult ids = run("list", "-s", "Cancelled", "-o", "ids");
        assertEquals(lines.stream().map(this::id).toList(), ids.getOutputStream());
        LaunchResult csv = run("list", "-s", "Failed", "-o", "csv");
        assertEquals("id,uri,status,createdAt,finishedAt,percentComplete,recordsImported,error",
                csv.getOutputStream().get(0));
        assertEquals(statusCount("Failed") + 1, csv.getOutputStream().size());
        assertTrue(csv.getOutputStream().get(1).matches("\\d+,s3://[^,]+,Failed,.*"), csv.getOutputStream().get(1));
    }

    @Test
    void tableHasAlignedColumnsRelativeTimesAndBars() {
        LaunchResult table = run("list", "--status", "InProgress,Failed", "--limit", "5");
        assertEquals(0, table.exitCode(), table.getErrorOutput());
        List<String> lines = table.getOutputStream();
        assertTrue(lines.get(0).startsWith("ID"), lines.get(0));
        assertEquals(6, lines.size(), "header and five rows: " + lines);
        int status = lines.get(0).indexOf("STATUS");
        assertTrue(lines.stream().skip(1).allMatch(l -> l.substring(status).startsWith("InProgress")
                || l.substring(status).startsWith("Failed")),
                "status column aligned: " + lines);
        assertTrue(lines.get(1).contains(" ago") && lines.get(1).contains("%"), lines.get(1));
        assertFalse(table.getOutput().contains("\u001b["), "no colour when not on a terminal");
        assertTrue(table.getErrorOutput().contains("more: --page-token pi2."), table.getErrorOutput());
    }

    @Test
    void failOnSetsExitCodeOne() {
        assertEquals(1, run("list", "--status", "Failed", "-o", "ids", "--fail-on", "Failed,Cancelled")
                .exitCode());
        assertEquals(0, run("list", "--status", "Completed", "-o", "ids", "--fail-on", "Failed,Cancelled")
                .exitCode());
    }

    @Test
    void countPrintsMatchedCountsByStatus() throws Exception {
        LaunchResult table = run("count", "--status", "Failed,Cancelled");
        assertEquals(0, table.exitCode(), table.getErrorOutput());
        List<String> lines = table.getOutputStream();
        assertTrue(lines.get(0).matches("STATUS\\s+MATCHED"), lines.get(0));
        assertTrue(lines.get(3).matches("Failed\\s+" + statusCount("Failed")), lines.get(3));
        assertTrue(lines.get(4).matches("Completed\\s+0"), lines.get(4));
        assertTrue(lines.get(6).matches("total\\s+" + (statusCount("Failed") + statusCount("Cancelled"))),
                lines.get(6));
        assertEquals("(250 imports scanned in 3 pages)", lines.get(7));
        LaunchResult json = run("count", "-s", "failed", "-o", "json", "--fail-on", "Failed");
        assertEquals(1, json.exitCode(), "a failed import matched --fail-on");
        Map<?, ?> answer = JSON.readValue(json.getOutput(), Map.class);
        assertEquals(statusCount("Failed"), ((Number) ((Map<?, ?>) answer.get("matched")).get("total")).longValue());
        assertFalse(answer.containsKey("data"));
        assertEquals(0, run("count", "-s", "Completed", "--fail-on", "Failed").exitCode());
    }

    @Test
    void badUsageIsExitTwoWithOneLine() {
        for (String[] args : List.of(new String[] { "list", "--status", "Broken" }, new String[] { "list", "--bogus" },
                new String[] { "list", "--limit", "101" }, new String[] { "list", "--since", "yesterday-ish" },
                new String[] { "list", "--fail-on", "Nope" }, new String[] { "watch", "--interval", "soon" },
                // an empty item in a list option is refused, never read as "no filter" or "no gate"
                new String[] { "list", "--status", "," }, new String[] { "list", "--status", "Failed," },
                new String[] { "count", "--fail-on", "," }, new String[] { "list", "--since", "739000d" })) {
            LaunchResult result = run(args);
            assertEquals(2, result.exitCode(), Arrays.toString(args) + ": " + result.getErrorOutput());
            assertTrue(result.getErrorOutput().startsWith("pinecone-imports: "), result.getErrorOutput());
            assertFalse(result.getErrorOutput().contains("\tat ") || result.getErrorOutput().contains("Exception"),
                    result.getErrorOutput());
        }
        // wherever the empty item stands, it is said in the same words
        for (String statuses : List.of(",Failed", "Failed,", "Failed,,Completed", " ")) {
            LaunchResult result = run("list", "--status", statuses);
            assertEquals("pinecone-imports: --status: '" + statuses + "' has an empty item; give each value, or leave"
                    + " --status out", result.getErrorStream().get(0), statuses);
        }
    }

    @Test
    void aMistypedCommandIsNotEchoedAndTheCommandsAreNamed() {
        for (String[] args : List.of(new String[] { "lsit" }, new String[] { "lsit", "--status", "Failed" },
                new String[] { "help", "lsit" })) {
            LaunchResult result = launch(args);
            assertEquals(2, result.exitCode(), result.getErrorOutput());
            assertFalse(result.getErrorOutput().contains("lsit"), result.getErrorOutput());
            assertTrue(result.getErrorOutput().contains("unknown command (not shown); the commands are list, count,"
                    + " watch, describe, start, cancel, emulator"), result.getErrorOutput());
            assertFalse(result.getErrorOutput().contains("train"), "a hidden command stays hidden");
        }
    }

    @Test
    void aLimitThatIsNoNumberSaysWhatIsAllowed() {
        for (String limit : List.of("abc", "2.5", "", "0", "101")) {
            LaunchResult result = run("list", "--limit", limit);
            assertEquals(2, result.exitCode(), limit + ": " + result.getErrorOutput());
            assertTrue(result.getErrorOutput().contains("--limit") && result.getErrorOutput()
                    .contains("an integer from 1 to 100"), limit + ": " + result.getErrorOutput());
        }
    }

    @Test
    void badHostsAndAddressesAreUsageErrorsNamingTheFlag() {
        for (String[] args : List.of(
                new String[] { "list", "--host", "http://127.0.0.1:99999", "--api-key-file", keyFile.toString() },
                new String[] { "list", "--host", "ftp://example.com", "--api-key-file", keyFile.toString() },
                new String[] { "list", "--index", ",", "--host", "", "--api-key-file", keyFile.toString() },
                new String[] { "emulator", "--bind", "" }, new String[] { "emulator", "--indexes", "," },
                new String[] { "emulator", "--api-key", " " }, new String[] { "emulator", "--tick", "0s" },
                new String[] { "emulator", "--for", "0s" })) {
            LaunchResult result = launch(args);
            assertEquals(2, result.exitCode(), Arrays.toString(args) + ": " + result.getErrorOutput());
            assertTrue(result.getErrorOutput().startsWith("pinecone-imports: --"), result.getErrorOutput());
        }
    }

    @Test
    void theKeyComesFromOneSourceOnly() {
        LaunchResult unset = launch("list", "--host", emulator.url(), "--api-key-env",
                "NO_SUCH_VARIABLE_HERE");
        assertEquals(2, unset.exitCode());
        assertTrue(unset.getErrorOutput()
                .startsWith("pinecone-imports: --api-key-env: the variable NO_SUCH_VARIABLE_HERE is not set"),
                unset.getErrorOutput());
        // both given: neither silently wins
        LaunchResult both = run("list", "--api-key-env", "HOME");
        assertEquals(2, both.exitCode(), both.getErrorOutput());
        assertTrue(both.getErrorOutput().contains("--api-key-env") && both.getErrorOutput().contains("--api-key-file")
                && both.getErrorOutput().contains("mutually exclusive"), both.getErrorOutput());
    }

    @Test
    void aKeyTypedAsAnArgumentIsNeverEchoed() {
        LaunchResult result = run("list", "--api-key", "pcsk_typed_by_mistake_123");
        assertEquals(2, result.exitCode());
        assertTrue(result.getErrorOutput().contains("unknown option --api-key (the API key is never an argument"),
                result.getErrorOutput());
        assertFalse(result.getErrorOutput().contains("pcsk_typed_by_mistake_123"), result.getErrorOutput());
    }

    @Test
    void unreachableUpstreamIsExitThree() {
        LaunchResult result = launch("list", "--host", "http://127.0.0.1:1", "--api-key-file",
                keyFile.toString());
        assertEquals(3, result.exitCode());
        assertTrue(result.getErrorOutput().contains("Could not reach Pinecone: no connection to 127.0.0.1:1:"
                + " refused"), result.getErrorOutput());
        assertFalse(result.getErrorOutput().contains(Emulator.KEY));
        // no connection, nothing sent: a start says so, and never that the import may exist
        LaunchResult start = launch("start", "s3://bucket/x/", "--host", "http://127.0.0.1:1", "--api-key-file",
                keyFile.toString());
        assertEquals(3, start.exitCode(), start.getErrorOutput());
        assertTrue(start.getErrorOutput().contains("refused") && !start.getErrorOutput().contains("may have been"),
                start.getErrorOutput());
    }

    @Test
    void aRejectedKeyIsSaidOnceNotOncePerImport() throws Exception {
        Path wrongKey = Files.createTempFile("wrong-key", ".txt");
        Files.writeString(wrongKey, "not-the-key");
        try {
            for (String command : List.of("describe", "cancel")) {
                LaunchResult result = launch(command, "1", "2", "3", "--host", emulator.url(), "--api-key-file",
                        wrongKey.toString());
                assertEquals(Cli.UPSTREAM, result.exitCode(), result.getErrorOutput());
                assertEquals(1, result.getErrorOutput().split("\\(401\\)", -1).length - 1, result.getErrorOutput());
                assertEquals("", result.getOutput(), "nothing was described or cancelled");
            }
        } finally {
            Files.deleteIfExists(wrongKey);
        }
    }

    @Test
    void relativeTimeWindow() {
        // seeded imports are 37 minutes apart, the newest 37 minutes old
        assertEquals(2, run("list", "--since", "75m", "-o", "ids").getOutputStream().size());
        assertEquals(248, run("list", "--until", "75m", "-o", "ids").getOutputStream().size());
    }

    @Test
    void finishWindowFlags() {
        Instant boundary = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
        String onBoundary = finishingAt("s3://bucket/will-fail-a/", boundary);
        String justBefore = finishingAt("s3://bucket/will-fail-b/", boundary.minusMillis(1));
        String inside = finishingAt("s3://bucket/ok-c/", boundary.plus(Duration.ofMinutes(7)));
        String asOf = boundary.plus(Duration.ofMinutes(15)).toString();
        assertEquals(List.of(onBoundary, inside),
                run("list", "--finished-within", "15m", "--as-of", asOf, "-o", "ids")
                .getOutputStream());
        assertEquals(List.of(onBoundary),
                run("list", "--status", "Failed", "--finished-within", "PT15M", "--as-of", asOf,
                "-o", "ids").getOutputStream());
        assertEquals(List.of(justBefore),
                run("list", "--finished-since", boundary.minusSeconds(60).toString(),
                "--finished-until", boundary.toString(), "-o", "ids").getOutputStream());
        LaunchResult both = run("list", "--finished-within", "15m", "--finished-since", "2h");
        assertEquals(2, both.exitCode(), both.getErrorOutput());
        assertTrue(both.getErrorOutput().contains("--finished-within cannot be combined with --finished-since"),
                both.getErrorOutput());
    }

    /** An import in the emulator that finishes at {@code at}. */
    private static String finishingAt(String uri, Instant at) {
        return emulator.store().start(uri, at.minus(emulator.store().finishesAfter(uri)));
    }

    @Test
    void listsAcrossIndexesWithAnIndexColumn() throws Exception {
        try (EmulatorProject project = EmulatorProject.start(EmulatorSettings.defaults().withImports(20, 7),
                List.of("beta", "alpha"))) {
            // --host '': the test profile configures an index host, which naming indexes must not meet
            String[] target = { "--controller-host", "http://127.0.0.1:" + project.port(), "--api-key-file",
                    keyFile.toString(), "--host", "" };
            LaunchResult table = launch(concat(new String[] { "list", "--index", "*", "--status", "Failed" },
                    target));
            assertEquals(0, table.exitCode(), table.getErrorOutput());
            List<String> lines = table.getOutputStream();
            assertTrue(lines.get(0).startsWith("INDEX  ID"), lines.get(0));
            List<String> indexes = lines.stream().skip(1).map(l -> l.split("\\s+")[0]).distinct().toList();
            assertEquals(List.of("alpha", "beta"), indexes, "indexes in name order");
            LaunchResult ids = launch(
                    concat(new String[] { "list", "--index", "beta", "--index", "alpha", "-o", "ids" }, target));
            assertEquals(40, ids.getOutputStream().size());
            assertTrue(ids.getOutputStream().get(0).startsWith("alpha/"), ids.getOutput());
            LaunchResult both = launch(
                    "list", "--index", "alpha", "--host", emulator.url(), "--controller-host",
                    "http://127.0.0.1:" + project.port(), "--api-key-file", keyFile.toString());
            assertEquals(2, both.exitCode(), both.getErrorOutput());
            assertTrue(both.getErrorOutput().startsWith("pinecone-imports: --index: this call names an index while"),
                    both.getErrorOutput());
        }
    }

    @Test
    void theLifecycleWorksAcrossIndexesByName() {
        // a tick of an hour: the import started here stays Pending however slowly the commands run
        try (EmulatorProject project = EmulatorProject.start(EmulatorSettings.defaults().withImports(20, 7)
                .withTime(Duration.ofHours(1), java.time.Clock.systemUTC()), List.of("alpha", "beta"))) {
            String[] target = { "--controller-host", "http://127.0.0.1:" + project.port(), "--api-key-file",
                keyFile.toString(), "--host", "" };
            LaunchResult started = launch(concat(new String[] { "start", "s3://bucket/alpha-run/", "--index",
                "alpha" }, target));
            assertEquals(Cli.OK, started.exitCode(), started.getErrorOutput());
            String shown = started.getOutput().strip();
            assertTrue(shown.startsWith("alpha/"), shown);
            assertEquals("s3://bucket/alpha-run/", project.indexes().get("alpha").store().describe(shown.substring(6))
                    .orElseThrow().get("uri"));
            String inBeta = launch(concat(new String[] { "list", "--index", "beta", "-o", "ids" }, target))
                    .getOutputStream().get(0);
            LaunchResult described = launch(concat(new String[] { "describe", shown, inBeta, "-o", "ids" }, target));
            assertEquals(List.of(shown, inBeta), described.getOutputStream(), described.getErrorOutput());
            LaunchResult unknown = launch(concat(new String[] { "describe", "gamma/1" }, target));
            assertEquals(Cli.USAGE, unknown.exitCode(), unknown.getErrorOutput());
            assertTrue(unknown.getErrorOutput().contains("the project has no index named 'gamma' (allowed: an index of"
                    + " this project: alpha, beta)"), unknown.getErrorOutput());
            // one import lives in one index: '*', or no name at all, is refused rather than one index guessed
            for (String[] bad : new String[][] { { "describe", "--index", "*", "1" },
                    { "start", "s3://bucket/x/", "--index", "*" }, { "cancel", "--index", " ", "1" } }) {
                LaunchResult refused = launch(concat(bad, target));
                assertEquals(Cli.USAGE, refused.exitCode(), String.join(" ", bad) + ": " + refused.getErrorOutput());
                assertTrue(refused.getErrorOutput().startsWith("pinecone-imports: --index: "),
                        refused.getErrorOutput());
            }
            // by a filter across every index: each selected import, and only those, is cancelled in its own index
            List<String> pending = launch(concat(new String[] { "list", "--index", "*", "--status", "Pending", "-o",
                "ids" }, target)).getOutputStream();
            assertTrue(pending.stream().anyMatch(i -> i.startsWith("alpha/"))
                    && pending.stream().anyMatch(i -> i.startsWith("beta/")), pending.toString());
            LaunchResult cancelled = launch(concat(new String[] { "cancel", "--index", "*", "--status", "Pending",
                "--yes" }, target));
            assertEquals(Cli.OK, cancelled.exitCode(), cancelled.getOutput() + cancelled.getErrorOutput());
            for (String id : pending) {
                assertTrue(cancelled.getOutputStream().contains(id + "  cancelled (it was Pending)"),
                        cancelled.getOutput());
                String[] parts = id.split("/", 2);
                assertEquals("Cancelled", project.indexes().get(parts[0]).store().describe(parts[1]).orElseThrow()
                        .get("status"), id);
            }
        }
    }

    @Test
    void anIndexThatIsNotReadyIsSaidByEveryCommandThatReadsTheListing() {
        // a project of its own: the control plane's answers are remembered per host for a while
        try (EmulatorProject project = EmulatorProject.start(EmulatorSettings.defaults().withImports(20, 7),
                List.of("alpha", "beta"))) {
            project.setStatus("beta", false, "Initializing");
            String[] target = { "--index", "*", "--controller-host", "http://127.0.0.1:" + project.port(),
                "--api-key-file", keyFile.toString(), "--host", "" };
            for (String[] command : new String[][] { { "list", "-o", "ids" }, { "count" },
                    { "cancel", "--status", "Pending", "--dry-run" }, { "watch", "--timeout", "1s" } }) {
                LaunchResult half = launch(concat(command, target));
                assertTrue(half.getErrorOutput().contains("pinecone-imports: index 'beta' is not ready (Initializing):"
                        + " its imports were not read"), command[0] + ": " + half.getErrorOutput());
                assertFalse(half.getErrorOutput().contains("'alpha'"), half.getErrorOutput());
                assertFalse(half.getOutput().contains("beta"), half.getOutput());
                assertTrue(half.getOutput().contains("alpha"), command[0] + " still shows the ready index: "
                        + half.getOutput());
            }
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void watchFollowsImportsToTheEndAndReportsFailures() {
        String ok = emulator.store().start("s3://bucket/ok/");
        String bad = emulator.store().start("s3://bucket/will-fail/");
        int pages = emulator.store().pagesServed();
        int describes = emulator.store().describesServed();
        LaunchResult result = run("watch", "--since", "1m", "--interval", "1s", "--timeout", "60s");
        assertEquals(1, result.exitCode(), result.getOutput() + result.getErrorOutput());
        // two imports to follow, a listing of three pages: each poll asks for the two by id,
        // never for the listing again
        assertEquals(3, emulator.store().pagesServed() - pages, "only the first listing reads pages");
        assertTrue(emulator.store().describesServed() - describes >= 2, "the imports are followed by id");
        List<String> lines = result.getOutputStream();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(ok + " ") && l.contains("InProgress")),
                "progress lines: " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(ok + " ") && l.contains("Completed")
                && l.contains("100%")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(bad + " ") && l.contains("Failed")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(bad + " ") && l.contains("Failed")
                && l.endsWith("missing column 'values'")),
                "a failed import shows its error: " + lines);
        assertTrue(lines.contains("2 import(s) finished: Completed 1, Failed 1"), lines.toString());
        assertTrue(lines.get(lines.size() - 1).matches("  " + bad + " Failed: Invalid parquet file .*"),
                lines.toString());
        assertFalse(result.getOutput().contains("\u001b["), "plain lines when piped");
    }

    @Test
    void watchEndsWithZeroWhenAllComplete() {
        emulator.store().start("s3://bucket/ok/");
        LaunchResult result = run("watch", "--since", "1m", "--interval", "1s", "--timeout", "60s");
        assertEquals(0, result.exitCode(), result.getOutput());
        LaunchResult nothing = run("watch", "--since", "0s");
        assertEquals(0, nothing.exitCode());
        assertTrue(nothing.getOutput().contains("Nothing to watch"));
    }

    @Test
    void watchTimesOutWithExitFour() {
        // the seeded Pending and InProgress imports never move
        LaunchResult result = run("watch", "--interval", "1s", "--timeout", "300ms");
        assertEquals(4, result.exitCode(), result.getOutput());
        assertTrue(result.getOutput().contains("Timed out"));
    }

    @Test
    void watchReadsTheListingWhenThatIsCheaperAndNeverPollsFasterThanASecond() {
        emulator.store().runSeeded(); // the 25 running seeded imports move: more of them than the listing has pages
        int pages = emulator.store().pagesServed();
        LaunchResult result = run("watch", "--interval", "1s", "--timeout", "60s");
        assertTrue(result.exitCode() == 0 || result.exitCode() == 1, result.getOutput() + result.getErrorOutput());
        // the first listing (3 pages), then at least one poll by listing: 25 imports by id would cost more than 3 pages
        assertTrue(emulator.store().pagesServed() - pages >= 6,
                "pages read: " + (emulator.store().pagesServed() - pages));
        LaunchResult busy = run("watch", "--interval", "0s");
        assertEquals(2, busy.exitCode());
        assertTrue(busy.getErrorOutput().contains("--interval: at least 1s"), busy.getErrorOutput());
    }

    @Test
    void watchBacksOffWhenPineconeKeepsSaying429() {
        WireMockServer pinecone = fakePinecone();
        try {
            String created = Instant.now().minusSeconds(60).toString();
            pinecone.stubFor(WireMock.get(WireMock.urlPathEqualTo("/bulk/imports")).willReturn(
                    WireMock.okJson("{\"data\": [{\"id\": \"9\", \"uri\": \"s3://b/9/\", "
                            + "\"status\": \"InProgress\", \"createdAt\": \"" + created
                            + "\", \"percentComplete\": 10}]}")));
            // one poll's every attempt (the first and four retries) is throttled, then Pinecone answers again
            String state = Scenario.STARTED;
            for (int i = 1; i <= 5; i++) {
                pinecone.stubFor(WireMock.get("/bulk/imports/9").inScenario("throttled")
                        .whenScenarioStateIs(state).willSetStateTo("after-" + i).willReturn(
                                WireMock.aResponse().withStatus(429).withHeader("Retry-After", "0")));
                state = "after-" + i;
            }
            pinecone.stubFor(WireMock.get("/bulk/imports/9").inScenario("throttled")
                    .whenScenarioStateIs(state).willReturn(WireMock.okJson(
                            "{\"id\": \"9\", \"uri\": \"s3://b/9/\", "
                                    + "\"status\": \"Completed\", \"createdAt\": \"" + created
                                    + "\", \"finishedAt\": \"" + Instant.now() + "\", \"percentComplete\": 100}")));
            LaunchResult result = launch("watch", "--interval", "1s", "--timeout", "60s", "--host",
                    "http://127.0.0.1:" + pinecone.port(), "--api-key-file", keyFile.toString());
            assertEquals(0, result.exitCode(), result.getOutput() + result.getErrorOutput());
            assertTrue(result.getErrorOutput().contains("Pinecone is rate-limiting (429); next poll in 2s"),
                    result.getErrorOutput());
            assertEquals(6, pinecone.countRequestsMatching(WireMock.getRequestedFor(
                    WireMock.urlPathEqualTo("/bulk/imports/9")).build()).getCount());
        } finally {
            pinecone.stop();
        }
    }

    @Test
    void errorsNameTheFlagsTheUserTyped() {
        LaunchResult both = run("list", "--limit", "5", "--all");
        assertEquals(2, both.exitCode());
        assertTrue(both.getErrorOutput().contains("--limit: --limit cannot be combined with --all"),
                both.getErrorOutput());
        LaunchResult window = run("list", "--since", "2h", "--until", "3h");
        assertTrue(window.getErrorOutput().contains("--until: --until must be after --since"), window.getErrorOutput());
        LaunchResult far = run("list", "--finished-within", "9999999999d");
        assertEquals(2, far.exitCode(), far.getErrorOutput());
        assertTrue(far.getErrorOutput().contains("--finished-within") && far.getErrorOutput().contains("out of range"),
                far.getErrorOutput());
        assertEquals(2, run("list", "--since", "+99999-01-01T00:00:00Z").exitCode());
    }

    @Test
    void aPlainHttpHostWrittenWithoutItsSchemeIsExplained() {
        String bare = emulator.url().substring("http://".length());
        LaunchResult result = launch("list", "--host", bare, "--api-key-file", keyFile.toString());
        assertEquals(2, result.exitCode(), result.getErrorOutput());
        assertTrue(result.getErrorOutput().contains("plain HTTP") && result.getErrorOutput().contains("http://" + bare),
                result.getErrorOutput());
        assertFalse(result.getErrorOutput().contains("NotSslRecord"), result.getErrorOutput());
    }

    @Test
    void describeShowsImportsByIdInEveryFormatAndAnUnknownIdIsExitOne() throws Exception {
        String failed = emulator.store().start("s3://bucket/will-fail/");
        LaunchResult started = run("watch", "--since", "1m", "--interval", "1s", "--timeout", "60s");
        assertEquals(1, started.exitCode(), started.getOutput()); // it has now ended Failed
        LaunchResult json = run("describe", failed, "-o", "json");
        assertEquals(0, json.exitCode(), json.getErrorOutput());
        Map<?, ?> described = (Map<?, ?>) ((List<?>) JSON.readValue(json.getOutput(), Map.class).get("data")).get(0);
        assertEquals(failed, described.get("id"));
        assertEquals("Failed", described.get("status"));
        assertTrue(String.valueOf(described.get("error")).startsWith("Invalid parquet file"), json.getOutput());
        LaunchResult table = run("describe", failed, "1");
        assertEquals(0, table.exitCode(), table.getErrorOutput());
        assertTrue(table.getOutput().contains("missing column 'values'"), "the error in full: " + table.getOutput());
        assertEquals(List.of(failed, "1"), run("describe", failed, "1", "-o", "ids").getOutputStream());
        LaunchResult unknown = run("describe", "1", "no-such-import");
        assertEquals(Cli.FOUND_FAILURES, unknown.exitCode(), unknown.getErrorOutput());
        assertEquals(List.of("1"), run("describe", "1", "-o", "ids").getOutputStream());
        assertEquals("pinecone-imports: no import no-such-import (Pinecone does not know this id)",
                unknown.getErrorOutput().strip());
        for (String[] bad : new String[][] { { "describe", "1", "1" }, { "describe", " " }, { "describe" },
                { "describe", "x".repeat(1001) } }) {
            LaunchResult refused = run(bad);
            assertEquals(Cli.USAGE, refused.exitCode(), String.join(" ", bad) + ": " + refused.getErrorOutput());
        }
    }

    @Test
    void startChecksItsInputPrintsTheIdAndWaitsWithWatchsExitCodes() {
        for (String[] bad : new String[][] { { "start", "ftp://bucket/x/" }, { "start", "s3:/bucket" },
                { "start", "https://example.com/x/" }, { "start", "s3://bucket/x/", "--error-mode", "skip" },
                { "start", "s3://bucket/x/", "--integration-id", " " } }) {
            LaunchResult refused = run(bad);
            assertEquals(Cli.USAGE, refused.exitCode(), String.join(" ", bad) + ": " + refused.getErrorOutput());
            assertTrue(refused.getErrorOutput().startsWith("pinecone-imports: " + (bad.length == 2 ? "URI: "
                    : bad[2] + ": ")), refused.getErrorOutput());
        }
        LaunchResult unwaited = run("start", "s3://bucket/x/", "--timeout", "5s");
        assertEquals(Cli.USAGE, unwaited.exitCode(), unwaited.getErrorOutput());
        assertTrue(unwaited.getErrorOutput().contains("give --wait too"), unwaited.getErrorOutput());
        int before = emulator.store().size();
        // any case, sent as Pinecone spells it (the emulator refuses any other spelling, as Pinecone does)
        LaunchResult started = run("start", "s3://bucket/embeddings/", "--error-mode", "CONTINUE");
        assertEquals(0, started.exitCode(), started.getErrorOutput());
        String id = started.getOutput().strip();
        assertEquals(before + 1, emulator.store().size());
        assertTrue(emulator.store().describe(id).isPresent(), "the printed id is the new import's: " + id);
        LaunchResult azure = run("start", "https://account.blob.core.windows.net/container/run-1/");
        assertEquals(0, azure.exitCode(), azure.getErrorOutput());
        LaunchResult waited = run("start", "gs://bucket/will-fail/", "--wait", "--interval", "1s", "--timeout",
                "60s");
        assertEquals(Cli.FOUND_FAILURES, waited.exitCode(), waited.getOutput() + waited.getErrorOutput());
        assertTrue(waited.getOutputStream().contains("1 import(s) finished: Failed 1"), waited.getOutput());
        LaunchResult completed = run("start", "gs://bucket/ok/", "--wait", "--interval", "1s", "--timeout", "60s");
        assertEquals(Cli.OK, completed.exitCode(), completed.getOutput() + completed.getErrorOutput());
    }

    @Test
    void startWaitsUntilPineconeDescribesWhatItAccepted() {
        WireMockServer pinecone = fakePinecone();
        try {
            pinecone.stubFor(WireMock.post("/bulk/imports").willReturn(WireMock.okJson("{\"id\": \"77\"}")));
            // not known for two polls (404), then Completed: followed by id, no status invented meanwhile
            String state = Scenario.STARTED;
            for (int i = 1; i <= 2; i++) {
                pinecone.stubFor(WireMock.get("/bulk/imports/77").inScenario("new").whenScenarioStateIs(state)
                        .willSetStateTo("after-" + i).willReturn(WireMock.aResponse().withStatus(404)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"code\": 5, \"message\": \"Not found\"}")));
                state = "after-" + i;
            }
            pinecone.stubFor(WireMock.get("/bulk/imports/77").inScenario("new").whenScenarioStateIs(state)
                    .willReturn(WireMock.okJson("{\"id\": \"77\", \"uri\": \"s3://b/77/\", \"status\":"
                            + " \"Completed\", \"createdAt\": \"" + Instant.now() + "\", \"percentComplete\": 100}")));
            LaunchResult result = launch("start", "s3://bucket/77/", "--wait", "--interval", "1s", "--timeout", "60s",
                    "--host", "http://127.0.0.1:" + pinecone.port(), "--api-key-file", keyFile.toString());
            assertEquals(Cli.OK, result.exitCode(), result.getOutput() + result.getErrorOutput());
            assertEquals("77", result.getOutputStream().get(0));
            assertFalse(result.getOutput().contains("Pending"), result.getOutput());
            assertEquals(3, pinecone.countRequestsMatching(WireMock.getRequestedFor(WireMock.urlPathEqualTo(
                    "/bulk/imports/77")).build()).getCount());
            assertEquals(1, pinecone.countRequestsMatching(WireMock.postRequestedFor(WireMock.urlPathEqualTo(
                    "/bulk/imports")).build()).getCount());
        } finally {
            pinecone.stop();
        }
    }

    @Test
    void cancelByIdSaysWhatBecameOfEachImport() {
        String running = emulator.store().start("s3://bucket/long-run/");
        LaunchResult cancelled = run("cancel", running);
        assertEquals(Cli.OK, cancelled.exitCode(), cancelled.getOutput() + cancelled.getErrorOutput());
        assertEquals(1, cancelled.getOutputStream().size(), cancelled.getOutput());
        assertTrue(cancelled.getOutputStream().get(0).matches(running
                + "  cancelled \\(it was (Pending|InProgress)\\)"), cancelled.getOutput());
        LaunchResult again = run("cancel", running);
        assertEquals(Cli.OK, again.exitCode(), "a second cancel is no error: " + again.getOutput());
        assertEquals(List.of(running + "  already cancelled"), again.getOutputStream());
        String completed = emulator.store().start("s3://bucket/ok/");
        assertEquals(0, run("watch", "--since", "1m", "--interval", "1s", "--timeout", "60s").exitCode());
        LaunchResult finished = run("cancel", completed, "no-such-import");
        assertEquals(Cli.FOUND_FAILURES, finished.exitCode(), finished.getOutput());
        assertEquals(List.of(completed + "  not cancelled: it already ended Completed; nothing sent",
                "no-such-import  not cancelled: Pinecone does not know this id; nothing sent"),
                finished.getOutputStream());
        assertEquals("Completed", emulator.store().describe(completed).orElseThrow().get("status"));
    }

    @Test
    void cancelByFilterShowsFirstSelectsOnlyRunningImportsAndNeedsYesWhereItCannotAsk() {
        // the seeded imports still Pending never move on: a filter over them selects the same ones every time
        String[] filter = { "--status", "Pending" };
        List<String> pending = run(concat(new String[] { "list", "-o", "ids" }, filter)).getOutputStream();
        assertFalse(pending.isEmpty(), "the seed holds Pending imports");
        LaunchResult dryRun = run(concat(new String[] { "cancel", "--dry-run" }, filter));
        assertEquals(Cli.OK, dryRun.exitCode(), dryRun.getOutput() + dryRun.getErrorOutput());
        assertTrue(dryRun.getOutput().startsWith("Would cancel " + pending.size() + " import(s):"), dryRun.getOutput());
        LaunchResult unasked = run(concat(new String[] { "cancel" }, filter));
        assertEquals(Cli.USAGE, unasked.exitCode(), unasked.getOutput());
        assertTrue(unasked.getErrorOutput().contains("--yes"), unasked.getErrorOutput());
        assertEquals("", unasked.getOutput(), "refused before anything is shown as if it would be cancelled");
        // by id, a dry run describes and sends nothing
        LaunchResult wouldBe = run("cancel", pending.get(0), "--dry-run");
        assertEquals(Cli.OK, wouldBe.exitCode(), wouldBe.getOutput() + wouldBe.getErrorOutput());
        assertEquals(List.of(pending.get(0) + "  would be cancelled (it is Pending); dry run, nothing sent"),
                wouldBe.getOutputStream());
        assertEquals(pending, run(concat(new String[] { "list", "-o", "ids" }, filter)).getOutputStream(),
                "nothing was cancelled");
        for (String[] bad : new String[][] { { "cancel" }, { "cancel", "--status", "Completed", "--yes" },
                { "cancel", pending.get(0), "--since", "1m" }, { "cancel", "--finished-within", "1h", "--yes" },
                { "cancel", "--status", "Pending", "--dry-run", "--yes" },
                { "cancel", pending.get(0), "--answer-within", "1m" },
                { "cancel", "--status", "Pending", "--answer-within", "0s" } }) {
            LaunchResult refused = run(bad);
            assertEquals(Cli.USAGE, refused.exitCode(), String.join(" ", bad) + ": " + refused.getErrorOutput());
        }
        // the flag that is wrong is the one named, not a refusal that would have come anyway
        for (String flag : List.of("--finished-within", "--answer-within")) {
            LaunchResult refused = run("cancel", "--status", "Pending", flag, flag.startsWith("--finished") ? "1h"
                    : "0s", "--yes");
            assertTrue(refused.getErrorOutput().startsWith("pinecone-imports: " + flag + ": "),
                    refused.getErrorOutput());
        }
        LaunchResult yes = run(concat(new String[] { "cancel", "--yes" }, filter));
        assertEquals(Cli.OK, yes.exitCode(), yes.getOutput() + yes.getErrorOutput());
        for (String id : pending) {
            assertTrue(yes.getOutputStream().contains(id + "  cancelled (it was Pending)"), yes.getOutput());
            assertEquals("Cancelled", emulator.store().describe(id).orElseThrow().get("status"));
        }
        LaunchResult nothing = run(concat(new String[] { "cancel", "--yes" }, filter));
        assertEquals(Cli.OK, nothing.exitCode());
        assertTrue(nothing.getOutput().contains("Nothing to cancel"), nothing.getOutput());
    }

    /**
     * Every way a cancel can end for one import, each said on its own line, one failure hiding none of the others;
     * and a start that may have reached Pinecone names the host to look on.
     */
    @Test
    void cancelSaysEveryOutcomeAndOneFailureHidesNoneOfTheOthers() {
        WireMockServer pinecone = fakePinecone();
        try {
            String host = "http://127.0.0.1:" + pinecone.port();
            pinecone.stubFor(WireMock.get("/bulk/imports/a1").willReturn(WireMock.aResponse().withStatus(400)
                    .withHeader("Content-Type", "application/json").withBody("{\"code\": 3, \"message\": \"no\"}")));
            pinecone.stubFor(WireMock.get("/bulk/imports/b2").willReturn(WireMock.okJson(model("b2", "Paused"))));
            // c3 completes between the describe and the cancel, which Pinecone then ignores; d4 is cancelled
            for (String[] id : new String[][] { { "c3", "InProgress", "Completed" },
                { "d4", "Pending", "Cancelled" }, { "f6", "Pending", null } }) {
                pinecone.stubFor(WireMock.get("/bulk/imports/" + id[0]).inScenario(id[0])
                        .whenScenarioStateIs(Scenario.STARTED).willReturn(WireMock.okJson(model(id[0], id[1]))));
                pinecone.stubFor(WireMock.delete("/bulk/imports/" + id[0]).inScenario(id[0])
                        .willSetStateTo("sent").willReturn(WireMock.okJson("{}")));
                // f6: the look after the cancel fails, and Pinecone's 200 stands
                pinecone.stubFor(WireMock.get("/bulk/imports/" + id[0]).inScenario(id[0])
                        .whenScenarioStateIs("sent").willReturn(id[2] == null ? WireMock.aResponse().withStatus(400)
                                : WireMock.okJson(model(id[0], id[2]))));
            }
            LaunchResult result = launch("cancel", "a1", "b2", "c3", "d4", "f6", "--host", host, "--api-key-file",
                    keyFile.toString());
            assertEquals(Cli.UPSTREAM, result.exitCode(), "a1's failure: " + result.getOutput());
            assertTrue(result.getErrorOutput().contains("pinecone-imports: 1 of 5 import(s) not known to be"
                    + " cancelled; each is said above"), result.getErrorOutput());
            List<String> lines = result.getOutputStream();
            assertEquals(5, lines.size(), result.getOutput());
            assertTrue(lines.get(0).startsWith("a1  not known to be cancelled: "), lines.get(0));
            assertEquals(List.of("b2  not cancelled: its status 'Paused' is not one this version knows; nothing sent",
                    "c3  not cancelled: it ended Completed before the cancel reached it",
                    "d4  cancelled (it was Pending)", "f6  cancelled (it was Pending)"), lines.subList(1, 5));
            for (String id : List.of("a1", "b2")) {
                assertEquals(0, pinecone.countRequestsMatching(WireMock.deleteRequestedFor(WireMock.urlPathEqualTo(
                        "/bulk/imports/" + id)).build()).getCount(), id);
            }
            // selected as Pending, InProgress when confirmed: the filter did not select that, so nothing is sent
            pinecone.stubFor(WireMock.get(WireMock.urlPathEqualTo("/bulk/imports")).willReturn(WireMock.okJson(
                    "{\"data\": [" + model("e5", "Pending") + "]}")));
            pinecone.stubFor(WireMock.get("/bulk/imports/e5").willReturn(WireMock.okJson(model("e5", "InProgress"))));
            LaunchResult moved = launch("cancel", "--status", "Pending", "--yes", "--host", host, "--api-key-file",
                    keyFile.toString());
            assertEquals(Cli.FOUND_FAILURES, moved.exitCode(), moved.getOutput() + moved.getErrorOutput());
            assertTrue(moved.getOutputStream().contains("e5  not cancelled: it is InProgress now, which the filter did"
                    + " not select; nothing sent"), moved.getOutput());
            assertEquals(0, pinecone.countRequestsMatching(WireMock.deleteRequestedFor(WireMock.urlPathEqualTo(
                    "/bulk/imports/e5")).build()).getCount());
            pinecone.stubFor(WireMock.post("/bulk/imports").willReturn(WireMock.aResponse().withStatus(503)));
            LaunchResult start = launch("start", "s3://bucket/x/", "--host", host, "--api-key-file",
                    keyFile.toString());
            assertEquals(Cli.UPSTREAM, start.exitCode(), start.getErrorOutput());
            assertTrue(start.getErrorOutput().matches("(?s).*may have been created, so it was not started again;"
                    + " look with: pinecone-imports list --since \\S+ --host " + java.util.regex.Pattern.quote(host)
                    + "(\\s.*)?"), start.getErrorOutput());
            assertEquals(1, pinecone.countRequestsMatching(WireMock.postRequestedFor(WireMock.urlPathEqualTo(
                    "/bulk/imports")).build()).getCount(), "never sent twice");
        } finally {
            pinecone.stop();
        }
    }

    /** A stand-in for Pinecone on loopback, started, for the answers the emulator never gives. */
    static WireMockServer fakePinecone() {
        WireMockServer pinecone = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
                .dynamicPort());
        pinecone.start();
        return pinecone;
    }

    private static String model(String id, String status) {
        return "{\"id\": \"" + id + "\", \"uri\": \"s3://bucket/" + id + "/\", \"status\": \"" + status
                + "\", \"createdAt\": \"" + Instant.now().minusSeconds(60) + "\"}";
    }

    /** Every row of the exit-code table the help prints, made to happen; a row without a scenario fails. */
    @Test
    void everyExitCodeInTheTableHappensAsItSays() throws Exception {
        Path wrongKey = Files.createTempFile("wrong-key", ".txt");
        Files.writeString(wrongKey, "not-the-key");
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            // every way to each code the table names
            Map<Integer, List<java.util.function.IntSupplier>> scenarios = Map.of(
                    0, List.of(() -> run("list", "-o", "ids").exitCode()),
                    1, List.of(() -> run("list", "-s", "Failed", "-o", "ids", "--fail-on", "Failed").exitCode(),
                            () -> run("describe", "no-such-import").exitCode(),
                            () -> run("cancel", "no-such-import").exitCode(),
                            () -> run("start", "s3://bucket/will-fail/", "--wait", "--interval", "1s", "--timeout",
                                    "60s").exitCode()),
                    2, List.of(() -> run("list", "--status", "Bogus").exitCode()),
                    3, List.of(() -> launch("list", "--host", emulator.url(), "--api-key-file", wrongKey.toString())
                            .exitCode(),
                            () -> launch("start", "s3://bucket/x/", "--host", emulator.url(), "--api-key-file",
                                    wrongKey.toString()).exitCode(),
                            () -> launch("cancel", "1", "--host", emulator.url(), "--api-key-file",
                                    wrongKey.toString()).exitCode()),
                    4, List.of(() -> run("watch", "--interval", "1s", "--timeout", "0s").exitCode(),
                            () -> run("start", "s3://bucket/x/", "--wait", "--timeout", "0s").exitCode()),
                    // no injection: the command's collaborators are null, a bug of ours as any other
                    5, List.of(() -> Cli.commandLine(picocli.CommandLine.defaultFactory())
                            .setErr(new java.io.PrintWriter(new java.io.StringWriter()))
                            .execute("list", "--host", emulator.url())),
                    6, List.of(() -> launch("emulator", "--bind", "127.0.0.1", "--port",
                            String.valueOf(taken.getLocalPort())).exitCode()));
            java.util.regex.Matcher rows = java.util.regex.Pattern.compile("(?m)^\\s*(\\d+)\\s+\\S")
                    .matcher(Cli.EXIT_CODES);
            java.util.Set<Integer> documented = new java.util.TreeSet<>();
            while (rows.find()) {
                documented.add(Integer.valueOf(rows.group(1)));
            }
            assertEquals(new java.util.TreeSet<>(scenarios.keySet()), documented,
                    "a scenario for every documented code");
            for (int code : documented) {
                for (java.util.function.IntSupplier scenario : scenarios.get(code)) {
                    assertEquals(code, scenario.getAsInt(), "exit code " + code);
                }
            }
        } finally {
            Files.deleteIfExists(wrongKey);
        }
    }

    @Test
    void emulatorServesOnItsOwnAndStopsByItself() throws Exception {
        Path portFile = Files.createTempDirectory("emulator").resolve("port");
        // port 0: the emulator picks a free port and says which in the file, so no port is freed and taken again
        CompletableFuture<LaunchResult> run = CompletableFuture.supplyAsync(() -> launch(
                "emulator", "--port", "0",
                "--port-file", portFile.toString(), "--imports", "12", "--for", "3s"));
        String body;
        try {
            // waits on a condition: the file appears once the emulator listens, and its lifetime starts then
            while (!Files.exists(portFile) && !run.isDone()) {
                Thread.sleep(20);
            }
            assertTrue(Files.exists(portFile), "the emulator wrote its port before it ended");
            HttpRequest request = HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + Files.readString(portFile) + "/bulk/imports"))
                    .header("Api-Key", Emulator.KEY).build();
            body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        } finally {
            // the launched application must be gone before the next test launches one
            LaunchResult result = run.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(0, result.exitCode(), result.getErrorOutput());
        }
        assertEquals(12, ((List<?>) JSON.readValue(body, Map.class).get("data")).size(), body);
        assertTrue(run.get().getOutput().contains("emulator on http://127.0.0.1:" + Files.readString(portFile)));
    }

    @Test
    void version() {
        LaunchResult result = launch("--version");
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        assertTrue(result.getOutput().startsWith("pinecone-imports "), result.getOutput());
    }

    @Test
    void helpListsCommandsAndExitCodes() {
        LaunchResult help = launch("--help");
        assertEquals(0, help.exitCode());
        for (String word : List.of("list", "watch", "describe", "start", "cancel", "emulator", "generate-completion",
                "Exit codes:", "4  watch (or start --wait): --timeout")) {
            assertTrue(help.getOutput().contains(word), word + " in " + help.getOutput());
        }
        assertTrue(run("list", "--help").getOutput().contains("--fail-on"));
        assertTrue(launch("generate-completion").getOutput().contains("complete -F"));
    }

    /** Help is 80 columns wide: an example or a row of the exit-code table that does not fit is wrapped to column 0. */
    @Test
    void helpFitsWithNothingWrapped() {
        for (String command : List.of("list", "count", "watch", "emulator")) {
            List<String> help = launch(command, "--help").getOutputStream();
            int examples = help.indexOf("Examples:");
            int codes = help.indexOf("Exit codes:") < 0 ? help.size() : help.indexOf("Exit codes:");
            assertTrue(examples > 0, command + ": " + help);
            assertTrue(help.subList(examples + 1, codes).stream().allMatch(l -> l.isEmpty() || l.startsWith("  ")),
                    command + " examples: " + help.subList(examples + 1, codes));
            assertTrue(help.subList(Math.min(codes + 1, help.size()), help.size()).stream()
                    .allMatch(l -> l.matches("\\d  \\S.*|   \\S.*")), command + " exit codes: " + help);
        }
    }

    private long statusCount(String status) {
        return emulator.store().list(0, 1000).data().stream().filter(i -> status.equals(i.get("status"))).count();
    }

    private String id(String ndjsonLine) {
        try {
            return (String) JSON.readValue(ndjsonLine, Map.class).get("id");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
