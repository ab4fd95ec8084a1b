import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.pinecone.clients.AsyncIndex;
import io.pinecone.configs.PineconeConfig;
import io.pinecone.configs.PineconeConnection;

/**
 * Full scan, keep the Failed imports: the official Java SDK's listImports loop and a bare java.net.http page
 * loop (the floor), interleaved round by round in one JVM. Prints "name<TAB>median ms<TAB>failed count".
 * Usage: java -cp ... ScanPeers.java HOST:PORT API_KEY WARMUP ROUNDS
 */
public class ScanPeers {

    public static void main(String[] args) throws Exception {
        String host = args[0];
        String key = args[1];
        int warmup = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        PineconeConfig config = new PineconeConfig(key);
        config.setHost(host);
        config.setTLSEnabled(false);
        AsyncIndex sdk = new AsyncIndex(config, new PineconeConnection(config), "bench");
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();

        IntSupplier sdkScan = () -> {
            try {
                int failed = 0;
                String token = null;
                do {
                    var page = sdk.listImports(100, token);
                    for (var model : page.getData()) {
                        if ("Failed".equals(String.valueOf(model.getStatus()))) {
                            failed++;
                        }
                    }
                    token = page.getPagination() == null ? null : page.getPagination().getNext();
                } while (token != null && !token.isEmpty());
                return failed;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        IntSupplier floor = () -> {
            try {
                int failed = 0;
                String token = null;
                do {
                    String url = "http://" + host + "/bulk/imports?limit=100"
                            + (token == null ? "" : "&paginationToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Api-Key", key)
                            .header("X-Pinecone-Api-Version", "2025-01").build();
                    JsonNode page = json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
                    for (JsonNode model : page.path("data")) {
                        if ("Failed".equals(model.path("status").asText())) {
                            failed++;
                        }
                    }
                    token = page.path("pagination").path("next").asText(null);
                } while (token != null && !token.isEmpty());
                return failed;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        String[] names = { "java-sdk", "httpclient-floor" };
        IntSupplier[] contestants = { sdkScan, floor };
        List<List<Double>> times = List.of(new ArrayList<>(), new ArrayList<>());
        int[] counts = new int[2];
        for (int round = 0; round < warmup + rounds; round++) {
            for (int c = 0; c < contestants.length; c++) {
                long t0 = System.nanoTime();
                counts[c] = contestants[c].getAsInt();
                double ms = (System.nanoTime() - t0) / 1e6;
                if (round >= warmup) {
                    times.get(c).add(ms);
                }
            }
        }
        for (int c = 0; c < names.length; c++) {
            System.out.printf("%s\t%.1f\t%d%n", names[c], median(times.get(c)), counts[c]);
        }
        System.exit(0);
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
