package io.github.pineconeimports.function;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.github.pineconeimports.support.PackagedJar;

/**
 * A deployment configured wrongly, as an operator would start it: the packaged HTTP build with its environment. Each
 * case is its own process (the settings are read at start-up), so these live here rather than in test profiles.
 */
class ConfigurationIT {

    /** The packaged server with {@code env}, for as long as {@code test} runs. */
    private static void serving(Map<String, String> env, IntConsumer test) throws Exception {
        Path home = Files.createTempDirectory("configuration-it");
        Path log = home.resolve("server.log");
        Process server = PackagedJar.serve(home, log, env);
        try {
            // bounded: a server that never says where it listens fails the test
            OptionalInt port = PackagedJar.awaitPort(server, log, Duration.ofSeconds(60));
            assertTrue(port.isPresent(), "the server started: " + Files.readString(log));
            test.accept(port.getAsInt());
        } finally {
            server.destroy();
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server stopped");
        }
    }

    @Test
    void aMissingKeyNamesTheVariableAndReadinessSaysWhy() throws Exception {
        serving(Map.of("PINECONE_INDEX_HOST", "http://127.0.0.1:1"), port -> {
            given().port(port).get("/listImports").then().statusCode(500).body("error", equalTo("not_configured"))
                    .body("message", containsString("PINECONE_API_KEY is not set"));
            given().port(port).get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'pinecone-configuration' }.data.problem",
                            containsString("PINECONE_API_KEY is not set"));
            given().port(port).get("/q/health/live").then().statusCode(200);
            // bad input is still judged first
            given().port(port).queryParam("limit", "0").get("/listImports").then().statusCode(400)
                    .body("field", equalTo("limit"));
        });
    }

    @Test
    void anIndexAndAHostBothConfiguredIsNotConfigured() throws Exception {
        serving(Map.of("PINECONE_INDEX_HOST", "http://127.0.0.1:1", "PINECONE_INDEX", "alpha",
                "PINECONE_API_KEY", "k"), port -> {
            given().port(port).get("/listImports").then().statusCode(500).body("error", equalTo("not_configured"))
                    .body("message", containsString("PINECONE_INDEX and PINECONE_INDEX_HOST are both set"));
            given().port(port).get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'pinecone-configuration' }.data.problem",
                            containsString("PINECONE_INDEX and PINECONE_INDEX_HOST are both set"));
        });
    }

    @Test
    void retrySettingsOutOfRangeAreNotConfiguredAndOnesThatCannotBeReadStopTheStartSayingWhy() throws Exception {
        serving(Map.of("PINECONE_INDEX_HOST", "http://127.0.0.1:1", "PINECONE_API_KEY", "k",
                "PINECONE_RETRIES", "-1"), port -> {
            given().port(port).get("/listImports").then().statusCode(500).body("error", equalTo("not_configured"))
                    .body("message", containsString("PINECONE_RETRIES (pinecone.retries) must be 0..10"));
            given().port(port).get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'pinecone-configuration' }.data.problem",
                            containsString("PINECONE_RETRIES"));
        });
        assertStartStopsNaming(Map.of("PINECONE_RETRIES", "abc"), "PINECONE_RETRIES (pinecone.retries) cannot be read");
    }

    /**
     * The server, started with {@code env}, stops by itself with exit code 2 (a setting to fix, as on the command line)
     * and one line naming {@code property}.
     */
    private static void assertStartStopsNaming(Map<String, String> env, String property) throws Exception {
        Path home = Files.createTempDirectory("configuration-it");
        Path log = home.resolve("server.log");
        Process server = PackagedJar.serve(home, log, env);
        try {
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server stopped by itself");
        } finally {
            server.destroyForcibly();
        }
        assertEquals(2, server.exitValue(), "a setting to fix: exit 2, as on the command line");
        String output = Files.readString(log);
        assertTrue(output.contains("pinecone-imports: cannot start: ") && output.contains(property), output);
    }

    @Test
    void scanSettingsThatCannotWorkAreNotReadyAndNoScanRuns() throws Exception {
        Map<String, String> host = Map.of("PINECONE_INDEX_HOST", "http://127.0.0.1:1", "PINECONE_API_KEY", "k");
        Map<Map<String, String>, String> bad = Map.of(
                Map.of("IMPORTS_SCAN_INTERVAL", "0s"), "IMPORTS_SCAN_INTERVAL is 0s: give a duration from 1s to 1m",
                Map.of("IMPORTS_SCAN_INTERVAL", "every minute"),
                "IMPORTS_SCAN_INTERVAL is 'every minute', not a duration",
                Map.of("IMPORTS_SCAN_INTERVAL", "1m", "IMPORTS_SCAN_INDEXES", "alpha,,beta"),
                "IMPORTS_SCAN_INDEXES is 'alpha,,beta'",
                Map.of("IMPORTS_SCAN_INTERVAL", "1m", "IMPORTS_SCAN_INDEXES", "*"),
                "names indexes while PINECONE_INDEX_HOST names a host");
        for (Map.Entry<Map<String, String>, String> setting : bad.entrySet()) {
            Map<String, String> with = new HashMap<>(host);
            with.putAll(setting.getKey());
            serving(with, port -> {
                given().port(port).get("/q/health/ready").then().statusCode(503)
                        .body("checks.find { it.name == 'imports-scan' }.data.problem",
                                containsString(setting.getValue()));
                given().port(port).queryParam("limit", "0").get("/listImports").then().statusCode(400);
                assertFalse(given().port(port).get("/q/metrics").asString().contains("pinecone_imports_scans_total"),
                        "no scan ran");
            });
        }
        // nothing says what to scan: no index host, no index, no names
        serving(Map.of("PINECONE_API_KEY", "k", "IMPORTS_SCAN_INTERVAL", "1m"), port -> given().port(port)
                .get("/q/health/ready")
                .then().statusCode(503).body("checks.find { it.name == 'imports-scan' }.data.problem",
                        containsString("the scan has no index: set IMPORTS_SCAN_INDEXES")));
    }

    @Test
    void aTrustStoreThatCannotBeReadIsASettingNamedInOneLine() throws Exception {
        assertStartStopsNaming(Map.of("QUARKUS_TLS_TRUST_STORE_PEM_CERTS", "/no/such/ca.pem"), "/no/such/ca.pem");
        Path home = Files.createTempDirectory("configuration-it");
        Process cli = PackagedJar.start(home, home.resolve("cli.log"), Map.of("QUARKUS_TLS_TRUST_STORE_PEM_CERTS",
                "/no/such/ca.pem", "PINECONE_API_KEY", "k"), List.of(), "list", "--host", "https://localhost:1");
        ended(cli);
        String said = Files.readString(home.resolve("cli.log"));
        assertEquals(2, cli.exitValue(), "a setting to fix (2), not a bug of ours (5): " + said);
        assertTrue(said.startsWith("pinecone-imports: Invalid PEM trusted certificates configuration")
                && said.contains("/no/such/ca.pem") && !said.contains("\tat "), said);
    }

    /** Waits for a command, bounded: one that hangs is stopped and fails the test. */
    private static void ended(Process cli) throws InterruptedException {
        if (!cli.waitFor(60, TimeUnit.SECONDS)) {
            cli.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("the command did not end");
        }
    }

    @Test
    void unverifiedTlsSettingsAreRefusedNamingThem() throws Exception {
        for (Map.Entry<String, String> setting : Map.of("QUARKUS_TLS_TRUST_ALL", "true",
                "QUARKUS_REST_CLIENT_VERIFY_HOST", "false").entrySet()) {
            serving(Map.of("PINECONE_INDEX_HOST", "https://localhost:1", "PINECONE_API_KEY", "k", setting.getKey(),
                    setting.getValue()), port -> {
                        given().port(port).get("/listImports").then().statusCode(500)
                                .body("error", equalTo("not_configured"))
                                .body("message", containsString("would send the API key to any server"));
                        // and the replica says so before any call: it is not ready
                        given().port(port).get("/q/health/ready").then().statusCode(503)
                                .body("checks.find { it.name == 'pinecone-configuration' }.data.problem",
                                        containsString("would send the API key to any server"));
                    });
        }
    }

    @Test
    void aCommandLineRunNeverScans() throws Exception {
        // a stand-in index host that counts what it is asked, while a command runs for two seconds with the scan set
        AtomicInteger asked = new AtomicInteger();
        HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/", exchange -> {
            asked.incrementAndGet();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        upstream.start();
        try {
            Path home = Files.createTempDirectory("configuration-it");
            Process cli = PackagedJar.start(home, home.resolve("cli.log"), Map.of("IMPORTS_SCAN_INTERVAL", "1s",
                    "PINECONE_API_KEY", "k",
                    "PINECONE_INDEX_HOST", "http://127.0.0.1:" + upstream.getAddress().getPort()),
                    List.of(), "emulator", "--port", "0", "--for", "2s");
            ended(cli);
            assertEquals(0, cli.exitValue(), Files.readString(home.resolve("cli.log")));
            assertEquals(0, asked.get(), "no scan asked the index host");
        } finally {
            upstream.stop(0);
        }
    }
}
