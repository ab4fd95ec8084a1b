package io.github.pineconeimports.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.pineconeimports.client.PineconeClient;
import io.github.pineconeimports.imports.ImportLister;
import io.github.pineconeimports.imports.ImportQuery;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Benchmark harness (run by src/bench/run.sh, never by mvn verify): a full scan that keeps the Failed imports,
 * our engine in-process against the bare java.net.http page loop (the floor), interleaved round by round in
 * this one JVM after a warm-up. Writes target/bench/engine.tsv: name, median ms, Failed count.
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
    PineconeClient client;

    @Inject
    ObjectMapper json;

    @Test
    void fullScan() throws Exception {
        String host = System.getProperty("bench.host", "127.0.0.1:5090");
        String key = System.getProperty("bench.key", "pclocal-emulator-key");
        int warmup = Integer.getInteger("bench.warmup", 5);
        int rounds = Integer.getInteger("bench.rounds", 15);
        client.useConnection("http://" + host, null, key);
        ImportQuery failed = ImportQuery.parse(List.of("Failed"), null, null, "true", null, null);
        HttpClient http = HttpClient.newHttpClient();

        IntSupplier engine = () -> lister.list(failed).data().size();
        IntSupplier floor = () -> {
            try {
                int count = 0;
                String token = null;
                do {
                    String url = "http://" + host + "/bulk/imports?limit=100"
                            + (token == null ? "" : "&paginationToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Api-Key", key)
                            .header("X-Pinecone-Api-Version", "2025-01").build();
                    JsonNode page = json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
                    for (JsonNode model : page.path("data")) {
                        if ("Failed".equals(model.path("status").asText())) {
                            count++;
                        }
                    }
                    token = page.path("pagination").path("next").asText(null);
                } while (token != null && !token.isEmpty());
                return count;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        String[] names = { "engine", "httpclient-floor" };
        IntSupplier[] contestants = { engine, floor };
        List<List<Double>> times = List.of(new ArrayList<>(), new ArrayList<>());
        int[] counts = new int[2];
        for (int round = 0; round < warmup + rounds; round++) {
            for (int c = 0; c < contestants.length; c++) {
                long t0 = System.nanoTime();
                counts[c] = contestants[c].getAsInt();
                if (round >= warmup) {
                    times.get(c).add((System.nanoTime() - t0) / 1e6);
                }
            }
        }
        if (counts[0] != counts[1]) {
            throw new AssertionError("engine found " + counts[0] + " Failed imports, the floor " + counts[1]);
        }
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < names.length; c++) {
            out.append(String.format(java.util.Locale.ROOT, "%s\t%.1f\t%d%n", names[c], median(times.get(c)), counts[c]));
        }
        Path file = Path.of("target", "bench", "engine.tsv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
