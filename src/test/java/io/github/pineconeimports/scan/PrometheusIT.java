package io.github.pineconeimports.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.pineconeimports.emulator.EmulatorProject;
import io.github.pineconeimports.emulator.EmulatorSettings;
import io.github.pineconeimports.emulator.EmulatorStore;
import io.github.pineconeimports.support.Descriptors;
import io.github.pineconeimports.support.Emulator;
import io.github.pineconeimports.support.PackagedJar;
import io.github.pineconeimports.support.Tools;

/**
 * The shipped rules and dashboard in a real Prometheus (Debian's 2.42, on loopback, started here), scraping the
 * packaged application in scan mode while the emulator's imports progress: two replicas scanning one project of two
 * indexes, then both stopped, an import failing while nothing scans, and a third replica started. Prometheus' query
 * API must then say what the emulator holds, counting each import once, and the dashboard's queries must run.
 */
@Execution(ExecutionMode.CONCURRENT) // it mostly waits on Prometheus: it runs beside the other integration tests
class PrometheusIT {

    static final Duration WAIT = Duration.ofSeconds(120);
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final List<String> INDEXES = List.of("alpha", "beta");

    static EmulatorProject project;
    static Path home;
    static Process prometheus;
    static int prometheusPort;
    static final Map<String, Process> scanners = new TreeMap<>();
    static final Map<String, Integer> ports = new TreeMap<>();

    @BeforeAll
    static void start() throws Exception {
        Path binary = Tools.require("prometheus", "prometheus");
        home = Files.createTempDirectory("prometheus-it");
        // 120 imports per index (two upstream pages), on the system's clock, as the scanners' own
        project = EmulatorProject.start(EmulatorSettings.defaults().withImports(120, 42)
                .withTime(Duration.ofMillis(500), Clock.systemUTC()), INDEXES);
        Files.writeString(home.resolve("targets.json"), "[]");
        prometheusPort = freePort();
        Path config = Files.writeString(home.resolve("prometheus.yml"), String.join("\n",
                "global: {scrape_interval: 1s, evaluation_interval: 1s}",
                "rule_files: [" + AlertRulesTest.RULES.toAbsolutePath() + "]",
                "scrape_configs:",
                "  - job_name: pinecone-imports",
                "    metrics_path: /q/metrics",
                "    file_sd_configs: [{files: [" + home.resolve("targets.json") + "], refresh_interval: 1s}]", ""));
        prometheus = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + home.resolve("data"),
                "--web.listen-address=127.0.0.1:" + prometheusPort)
                .redirectErrorStream(true).redirectOutput(home.resolve("prometheus.log").toFile()).start();
        waitFor("Prometheus ready",
                () -> get("http://127.0.0.1:" + prometheusPort + "/-/ready").startsWith("Prometheus"));
    }

    @AfterAll
    static void stop() throws Exception {
        for (Process scanner : scanners.values()) {
            scanner.destroy();
            scanner.waitFor(30, TimeUnit.SECONDS);
        }
        if (prometheus != null) {
            prometheus.destroy();
            assertTrue(prometheus.waitFor(30, TimeUnit.SECONDS), "Prometheus stopped");
        }
        if (project != null) {
            project.close();
        }
        if (home != null) {
            try (var files = Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void prometheusSaysWhatTheEmulatorHoldsCountingEachImportOnce() throws Exception {
        startScanner("a");
        startScanner("b");
        waitFor("the two replicas scraped",
                () -> query("count(pinecone_imports_last_scan_success == 1)").equals(List.of(2.0)));
        waitFor("the seeded imports seen running",
                () -> query("job:pinecone_imports:max{status=\"InProgress\"} > 0").size() == 2);
        // the recording rule steps every 30 s: the counters must be recorded before imports finish, to rise after
        waitFor("the counters recorded", () -> query("job:pinecone_imports_finished_total:max").size() == 2 * 4);
        // the seeded imports still running move on, and a fifth of them fail; and some of our own
        for (String index : INDEXES) {
            store(index).runSeeded();
            store(index).start("s3://acme/" + index + "/will-fail/");
            store(index).start("s3://acme/" + index + "/ok/");
        }
        settled();
        assertHolds();
        // every series twice over: a sum across replicas would double every count, the recorded max does not
        for (String index : INDEXES) {
            assertEquals(List.of(2 * value("job:pinecone_imports_finished_total:max{index=\"" + index
                    + "\",status=\"Failed\"}")),
                    query("sum(pinecone_imports_finished_total{index=\"" + index + "\",status=\"Failed\"})"));
        }
        waitFor(() -> "PineconeImportFailed firing for each index: "
                        + queryApi("ALERTS") + queryApi("job:pinecone_imports_finished_total:max[2m]"),
                () -> alerts("PineconeImportFailed").size() == INDEXES.size());

        // nothing scans while an import fails; a replacement counts it, once
        String failed = "job:pinecone_imports_finished_total:max{index=\"alpha\",status=\"Failed\"}";
        double before = value(failed);
        stopScanner("a");
        stopScanner("b");
        waitFor("the replicas gone from Prometheus",
                () -> query("count(pinecone_imports_last_scan_success)").isEmpty());
        String id = store("alpha").start("s3://acme/alpha/also-fail/");
        waitFor("the import failed while nothing scanned", () -> "Failed".equals(status("alpha", id)));
        startScanner("c");
        settled();
        assertHolds();
        if (countingToday()) {
            assertEquals(before + 1, value(failed), "the import that failed while nothing scanned, counted once");
        }

        // the dashboard's queries run, and its first panel shows what the emulator holds
        JsonNode dashboard = JSON.readTree(Descriptors.DEPLOY.resolve("kubernetes/grafana-dashboard.json").toFile());
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                String expr = target.get("expr").asText().replace("$index", ".*");
                JsonNode answer = queryApi(expr);
                assertEquals("success", answer.get("status").asText(), panel.get("title") + ": " + answer);
                assertTrue(answer.at("/data/result").size() > 0, panel.get("title") + " shows something: " + expr);
            }
        }
        String byStatus = dashboard.get("panels").get(0).get("targets").get(0).get("expr").asText()
                .replace("$index", ".*");
        for (String index : INDEXES) {
            assertEquals(expectedByStatus(index), samples(byStatus.replace(".*", index), "status"), index);
        }
    }

    /**
     * The recorded (max) series against the emulator's data, for every index and status. The emulator stands still by
     * now, so Prometheus must come to hold exactly this within a few evaluations, and keep it.
     */
    private static void assertHolds() throws Exception {
        Map<String, Object> expected = new TreeMap<>();
        Map<String, Object> shown = new TreeMap<>();
        waitFor(() -> "Prometheus to hold what the emulator holds:\n" + expected + "\nbut it holds\n" + shown, () -> {
            boolean today = countingToday();
            expected.clear();
            for (String index : INDEXES) {
                expected.put(index + " by status", expectedByStatus(index));
                expected.put(index + " finished", today ? expectedFinished(index) : "(around midnight)");
                expected.put(index + " oldest running", Map.of("age", 0.0));
            }
            shown.clear();
            shown.putAll(shown(today));
            return shown.equals(expected);
        });
    }

    private static Map<String, Object> shown(boolean today) {
        Map<String, Object> shown = new TreeMap<>();
        for (String index : INDEXES) {
            shown.put(index + " by status", samples("job:pinecone_imports:max{index=\"" + index + "\"}", "status"));
            shown.put(index + " finished", today
                    ? samples("job:pinecone_imports_finished_total:max{index=\"" + index + "\"}", "status")
                    : "(around midnight)");
            shown.put(index + " oldest running", Map.of("age",
                    value("job:pinecone_imports_oldest_running_age_seconds:max{index=\"" + index + "\"}")));
        }
        return shown;
    }

    /** An instant query's values by the given label. */
    private static Map<String, Double> samples(String expr, String label) {
        Map<String, Double> values = new TreeMap<>();
        queryApi(expr).at("/data/result")
                .forEach(s -> values.put(s.at("/metric/" + label).asText(), s.at("/value/1").asDouble()));
        return values;
    }

    /**
     * Waits until no import runs in the emulator and every scanner up has scanned since, and Prometheus has scraped
     * that scan and evaluated the rules on it: from then on, nothing moves.
     */
    private static void settled() throws Exception {
        waitFor("the emulator's imports ended", () -> INDEXES.stream().allMatch(i -> running(i) == 0));
        double after = Instant.now().toEpochMilli() / 1000.0 + 0.5;
        waitFor("a scan after that by every replica, scraped", () -> {
            List<Double> scans = query("min(pinecone_imports_last_scan_timestamp_seconds)");
            return !scans.isEmpty() && scans.get(0) > after
                    && query("count(pinecone_imports_last_scan_success == 1)")
                            .equals(List.of((double) scanners.size()));
        });
    }

    private static Map<String, Double> expectedByStatus(String index) {
        Map<String, Double> out = new TreeMap<>(Map.of("Pending", 0.0, "InProgress", 0.0, "Failed", 0.0,
                "Completed", 0.0, "Cancelled", 0.0, "other", 0.0));
        emulated(index).forEach(model -> out.merge(String.valueOf(model.get("status")), 1.0, Double::sum));
        return out;
    }

    /** What finished since 00:00 UTC, by final status: what the counters hold outside the minutes around midnight. */
    private static Map<String, Double> expectedFinished(String index) {
        Map<String, Double> out = new TreeMap<>(Map.of("Failed", 0.0, "Completed", 0.0, "Cancelled", 0.0,
                "other", 0.0));
        Instant midnight = Instant.now().truncatedTo(ChronoUnit.DAYS);
        for (Map<String, Object> model : emulated(index)) {
            Object end = model.get("finishedAt");
            if (end != null && !Instant.parse(String.valueOf(end)).isBefore(midnight)) {
                out.merge(String.valueOf(model.get("status")), 1.0, Double::sum);
            }
        }
        return out;
    }

    /**
     * Whether the counters hold today's count: not in the ten minutes after midnight (yesterday's whole, then zero;
     * CounterDayTest covers them), nor in the rules' 3-minute look-back after that, nor within a wait of midnight.
     */
    private static boolean countingToday() {
        Instant now = Instant.now();
        Instant midnight = now.truncatedTo(ChronoUnit.DAYS);
        return now.isAfter(midnight.plus(Duration.ofMinutes(14)))
                && now.isBefore(midnight.plus(Duration.ofDays(1)).minus(WAIT));
    }

    private static List<Map<String, Object>> emulated(String index) {
        return store(index).list(0, store(index).size()).data();
    }

    private static long running(String index) {
        return emulated(index).stream()
                .filter(m -> List.of("Pending", "InProgress").contains(String.valueOf(m.get("status")))).count();
    }

    private static String status(String index, String id) {
        return emulated(index).stream().filter(m -> id.equals(String.valueOf(m.get("id"))))
                .map(m -> String.valueOf(m.get("status")))
                .findFirst().orElseThrow();
    }

    private static EmulatorStore store(String index) {
        return project.indexes().get(index).store();
    }

    /** A replica: the packaged application scanning every index of the project each second, on a port of its own. */
    private static void startScanner(String name) throws Exception {
        Path log = home.resolve(name + ".log");
        Process scanner = PackagedJar.serve(home, log, Map.of("PINECONE_API_KEY", Emulator.KEY,
                "PINECONE_CONTROLLER_HOST", "http://127.0.0.1:" + project.port(), "IMPORTS_SCAN_INTERVAL", "1s",
                "IMPORTS_SCAN_INDEXES", "*"),
                "-Xmx128m", "-XX:TieredStopAtLevel=1");
        scanners.put(name, scanner);
        OptionalInt port = PackagedJar.awaitPort(scanner, log, WAIT);
        assertTrue(port.isPresent(), name + " listening: " + read(log));
        ports.put(name, port.getAsInt());
        writeTargets();
    }

    private static void stopScanner(String name) throws Exception {
        Process scanner = scanners.remove(name);
        ports.remove(name);
        writeTargets();
        scanner.destroy();
        assertTrue(scanner.waitFor(30, TimeUnit.SECONDS), name + " stopped");
    }

    /** Prometheus' file-based discovery: the replicas up now, each with its pod label, as the Operator sets it. */
    private static void writeTargets() throws IOException {
        List<Map<String, Object>> groups = new ArrayList<>();
        ports.forEach((name, port) -> groups.add(Map.of("targets", List.of("127.0.0.1:" + port),
                "labels", Map.of("pod", name))));
        Path next = home.resolve("targets.json.next");
        JSON.writeValue(next.toFile(), groups);
        Files.move(next, home.resolve("targets.json"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<JsonNode> alerts(String name) {
        List<JsonNode> firing = new ArrayList<>();
        try {
            for (JsonNode alert : JSON.readTree(get("http://127.0.0.1:" + prometheusPort + "/api/v1/alerts"))
                    .at("/data/alerts")) {
                if (alert.at("/labels/alertname").asText().equals(name)
                        && alert.get("state").asText().equals("firing")) {
                    firing.add(alert);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return firing;
    }

    /** The values of an instant query's samples, in Prometheus' order. */
    private static List<Double> query(String expr) {
        List<Double> values = new ArrayList<>();
        queryApi(expr).at("/data/result").forEach(sample -> values.add(sample.at("/value/1").asDouble()));
        return values;
    }

    /** The one value of an instant query, or NaN when it has none or several. */
    private static double value(String expr) {
        List<Double> values = query(expr);
        return values.size() == 1 ? values.get(0) : Double.NaN;
    }

    private static JsonNode queryApi(String expr) {
        try {
            return JSON.readTree(get("http://127.0.0.1:" + prometheusPort + "/api/v1/query?query="
                    + URLEncoder.encode(expr, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits for {@code condition}, checked every 100 ms, for at most {@link #WAIT}: a condition, never a sleep. */
    private static void waitFor(String what, BooleanSupplier condition) throws Exception {
        waitFor(() -> what, condition);
    }

    private static void waitFor(Supplier<String> what, BooleanSupplier condition) throws Exception {
        long until = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - until > 0) {
                StringBuilder logs = new StringBuilder();
                try (var files = Files.list(home)) {
                    files.filter(f -> f.toString().endsWith(".log"))
                            .forEach(f -> logs.append("\n--- ").append(f.getFileName()).append("\n").append(read(f)));
                }
                throw new AssertionError("waited " + WAIT.toSeconds() + "s for: " + what.get() + logs);
            }
            Thread.sleep(100);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
