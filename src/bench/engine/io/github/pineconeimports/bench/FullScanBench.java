package io.github.pineconeimports.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestFilter;

import org.junit.jupiter.api.Test;

import io.github.pineconeimports.client.Connection;
import io.github.pineconeimports.client.PineconeApi;
import io.github.pineconeimports.client.PineconeConfig;
import io.github.pineconeimports.client.RetryPolicy;
import io.github.pineconeimports.imports.ImportLister;
import io.github.pineconeimports.imports.ImportQuery;
import io.github.pineconeimports.imports.ImportStatus;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.Guard;

/**
 * Benchmark harness (run by src/bench/run.sh, never by mvn verify): a full scan that keeps the Failed imports,
 * our engine in-process against the floor, side by side in this one JVM; and the transport alone. Writes
 * target/bench/engine.tsv and transport.tsv.
 */
@QuarkusTest
@TestProfile(FullScanBench.NoEmulator.class)
class FullScanBench {

    public static class NoEmulator implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pinecone-emulator.enabled", "false", "quarkus.log.level", "WARN");
        }
    }

    @Inject
    ImportLister lister;

    @Inject
    PineconeConfig config;

    @Test
    void fullScan() throws Exception {
        String host = System.getProperty("bench.host", "127.0.0.1:5090");
        String key = System.getProperty("bench.key", "pclocal-emulator-key");
        Connection emulator = Connection.of(config).withIndexHost("http://" + host).withApiKey(key);
        ImportQuery failed = ImportQuery.builder().statuses(Set.of(ImportStatus.FAILED)).all(true).build();
        String results = SideBySide.run(List.of("engine", "httpclient-floor"),
                List.of(() -> lister.list(failed, emulator).data().size(), SideBySide.floor(host, key)),
                Integer.getInteger("bench.warmup", 5), Integer.getInteger("bench.rounds", 15));
        write("engine.tsv", results);
    }

    /**
     * Where the gap to the floor lies: the same pages fetched as text by our REST client (as {@link ImportLister}
     * sends them, headers included) and by java.net.http, nothing parsed but the next token.
     */
    @Test
    void transport() throws Exception {
        String host = System.getProperty("bench.host", "127.0.0.1:5090");
        String key = System.getProperty("bench.key", "pclocal-emulator-key");
        PineconeApi api = restClient(host, key);
        write("transport.tsv", SideBySide.run(List.of("rest-client-transport", "httpclient-transport"),
                List.of(() -> SideBySide.pages(token -> page(api, token)), SideBySide.transport(host, key)),
                Integer.getInteger("bench.warmup", 5), Integer.getInteger("bench.rounds", 15)));
    }

    /**
     * What retrying costs a page that succeeds: the same 100 pages through our REST client, each call inside the
     * production {@link RetryPolicy}, bare, and inside a SmallRye Fault Tolerance {@link Guard} with the same
     * policy (what the loop replaced). Writes target/bench/guard.tsv.
     */
    @Test
    void retryCost() throws Exception {
        PineconeApi api = restClient(System.getProperty("bench.host", "127.0.0.1:5090"),
                System.getProperty("bench.key", "pclocal-emulator-key"));
        RetryPolicy policy = new RetryPolicy(config.retries(), config.retryDelay());
        Guard guard = Guard.create().withRetry().maxRetries(config.retries())
                .delay(config.retryDelay().toMillis(), ChronoUnit.MILLIS).jitter(0, ChronoUnit.MILLIS).done().build();
        write("guard.tsv", SideBySide.run(List.of("rest-client-retried", "rest-client-bare", "rest-client-guard"),
                List.of(() -> SideBySide.pages(token -> policy.call(() -> page(api, token))),
                        () -> SideBySide.pages(token -> page(api, token)),
                        () -> SideBySide.pages(token -> guard.get(() -> page(api, token), byte[].class))),
                Integer.getInteger("bench.warmup", 5), Integer.getInteger("bench.rounds", 15)));
    }

    /** A page of 100, waited for as client/Exchange waits. */
    private static byte[] page(PineconeApi api, String token) {
        return api.listImports(100, token).await().indefinitely();
    }

    /** Our REST client interface alone, with the key header and nothing else of the client's wiring. */
    private static PineconeApi restClient(String host, String key) {
        return QuarkusRestClientBuilder.newBuilder().baseUri(URI.create("http://" + host))
                .register((ClientRequestFilter) request -> request.getHeaders().putSingle("Api-Key", key))
                .build(PineconeApi.class);
    }

    private static void write(String name, String results) throws java.io.IOException {
        Path file = Path.of("target", "bench", name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, results);
    }
}
