package io.github.pineconeimports.workflow;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The product's packaged HTTP build ({@code target/quarkus-app/quarkus-run.jar} of the root build), started on a free
 * loopback port with its emulator behind it. The emulator's clock stands still and moves {@link #STEP} each time a
 * listing starts, so every poll of the workflow sees one step of progress, however long it slept.
 */
public class ProductFunction implements QuarkusTestResourceLifecycleManager {

    static final String START = "2026-11-29T12:00:00Z";
    static final Duration STEP = Duration.ofMinutes(6);
    static final String KEY = "pclocal-emulator-key";
    static int port;
    private Process process;

    @Override
    public Map<String, String> start() {
        Path jar = Path.of(System.getProperty("product.app", "../../target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": build the product first (mvn package in the repository's root)");
        }
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try {
            process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dquarkus.profile=emulator", "-Dquarkus.http.port=" + port, "-Dpinecone-emulator.start-time=" + START,
                    "-Dpinecone-emulator.step-per-listing=" + STEP, "-Dpinecone-emulator.tick=1m", "-jar", jar.toString())
                    .redirectErrorStream(true).redirectOutput(Path.of("target", "product-function.log").toFile()).start();
            awaitReady();
        } catch (IOException | InterruptedException e) {
            stop();
            throw new IllegalStateException("the product did not start: see target/product-function.log", e);
        }
        return Map.of("quarkus.rest-client.openapi_yaml.url", url());
    }

    static String url() {
        return "http://localhost:" + port;
    }

    /** Waits until it answers its readiness check, as long as it lives, up to a minute. */
    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (process.isAlive() && System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
        throw new IOException("not ready: " + List.of(process.isAlive() ? "still starting" : "exited " + process.exitValue()));
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
