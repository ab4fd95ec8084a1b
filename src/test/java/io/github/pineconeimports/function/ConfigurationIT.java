package io.github.pineconeimports.function;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * A deployment configured wrongly, as an operator would start it: the packaged HTTP build with its environment. Each
 * case is its own process (the settings are read at start-up), so these live here rather than in test profiles.
 */
class ConfigurationIT {

    private static final Path JAR = Path.of(System.getProperty("project.build.directory", "target"), "quarkus-app", "quarkus-run.jar")
            .toAbsolutePath();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)");

    /**
     * Starts the packaged server with {@code env} (and nothing of PINECONE_ from this machine) on a free loopback
     * port, in {@code home}, a folder of its own (so that no .env or config/ of the working directory feeds settings
     * back in), its output in {@code home/server.log}.
     */
    private static Process start(Map<String, String> env, Path home) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(JAVA, "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=0", "-jar",
                JAR.toString()).directory(home.toFile()).redirectErrorStream(true).redirectOutput(home.resolve("server.log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("PINECONE_"));
        builder.environment().putAll(env);
        return builder.start();
    }

    /** The packaged server with {@code env}, for as long as {@code test} runs. */
    private static void serving(Map<String, String> env, IntConsumer test) throws Exception {
        Path home = Files.createTempDirectory("configuration-it");
        Path log = home.resolve("server.log");
        Process server = start(env, home);
        try {
            // waits for the line that says where it listens, bounded: a server that never says so fails the test
            Integer port = null;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (port == null && server.isAlive() && System.nanoTime() - until < 0) {
                Matcher listening = LISTENING.matcher(Files.readString(log));
                port = listening.find() ? Integer.valueOf(listening.group(1)) : null;
                if (port == null) {
                    Thread.sleep(50);
                }
            }
            assertTrue(port != null, "the server started: " + Files.readString(log));
            test.accept(port);
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
                    .body("checks[0].data.problem", containsString("PINECONE_API_KEY is not set"));
            given().port(port).get("/q/health/live").then().statusCode(200);
            // bad input is still judged first
            given().port(port).queryParam("limit", "0").get("/listImports").then().statusCode(400).body("field", equalTo("limit"));
        });
    }

    @Test
    void anIndexAndAHostBothConfiguredIsNotConfigured() throws Exception {
        serving(Map.of("PINECONE_INDEX_HOST", "http://127.0.0.1:1", "PINECONE_INDEX", "alpha", "PINECONE_API_KEY", "k"), port -> {
            given().port(port).get("/listImports").then().statusCode(500).body("error", equalTo("not_configured"))
                    .body("message", containsString("PINECONE_INDEX and PINECONE_INDEX_HOST are both set"));
            given().port(port).get("/q/health/ready").then().statusCode(503)
                    .body("checks[0].data.problem", containsString("PINECONE_INDEX and PINECONE_INDEX_HOST are both set"));
        });
    }

    @Test
    void retrySettingsOutOfRangeAreNotConfiguredAndOnesThatCannotBeReadStopTheStartSayingWhy() throws Exception {
        serving(Map.of("PINECONE_INDEX_HOST", "http://127.0.0.1:1", "PINECONE_API_KEY", "k", "PINECONE_RETRIES", "-1"), port -> {
            given().port(port).get("/listImports").then().statusCode(500).body("error", equalTo("not_configured"))
                    .body("message", containsString("PINECONE_RETRIES (pinecone.retries) must be 0..10"));
            given().port(port).get("/q/health/ready").then().statusCode(503)
                    .body("checks[0].data.problem", containsString("PINECONE_RETRIES"));
        });
        Path home = Files.createTempDirectory("configuration-it");
        Process server = start(Map.of("PINECONE_RETRIES", "abc"), home);
        try {
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server stopped by itself");
        } finally {
            server.destroyForcibly();
        }
        assertEquals(1, server.exitValue());
        String log = Files.readString(home.resolve("server.log"));
        assertTrue(log.contains("pinecone-imports: cannot start: ") && log.contains("pinecone.retries"), log);
    }
}
