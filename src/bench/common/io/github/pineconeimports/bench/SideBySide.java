package io.github.pineconeimports.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What every JVM in the benchmark suite shares, compiled into each of them: the floor (a bare java.net.http
 * page loop with no framework), the transport alone, and the side-by-side runner that interleaves contestants
 * round by round.
 */
public final class SideBySide {

    private SideBySide() {
    }

    /** The floor: every page of {@code GET /bulk/imports}, counting the Failed imports. */
    public static IntSupplier floor(String host, String key) {
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        return () -> {
            int[] failed = new int[1];
            failedIds(http, json, host, key, id -> failed[0]++);
            return failed[0];
        };
    }

    /** Transport alone: every page fetched with java.net.http as bytes, nothing parsed but the next token. */
    public static IntSupplier transport(String host, String key) {
        HttpClient http = HttpClient.newHttpClient();
        return () -> pages(token -> send(http, host, key, token, HttpResponse.BodyHandlers.ofByteArray()));
    }

    /** Walks the pages {@code fetch} returns (given the token, null first); returns how many. */
    public static int pages(java.util.function.Function<String, byte[]> fetch) {
        int pages = 0;
        String token = null;
        do {
            token = nextToken(fetch.apply(token));
            pages++;
        } while (token != null && !token.isEmpty());
        return pages;
    }

    /** The value of the last {@code "next":"..."} in {@code body}, or null. */
    private static String nextToken(byte[] body) {
        byte[] key = "\"next\":\"".getBytes(StandardCharsets.US_ASCII);
        search: for (int at = body.length - key.length; at >= 0; at--) {
            for (int k = 0; k < key.length; k++) {
                if (body[at + k] != key[k]) {
                    continue search;
                }
            }
            int end = at + key.length;
            while (body[end] != '"') {
                end++;
            }
            return new String(body, at + key.length, end - at - key.length, StandardCharsets.US_ASCII);
        }
        return null;
    }

    private static <T> T send(HttpClient http, String host, String key, String token,
            HttpResponse.BodyHandler<T> body) {
        String url = "http://" + host + "/bulk/imports?limit=100"
                + (token == null ? "" : "&paginationToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Api-Key", key)
                .header("X-Pinecone-Api-Version", "2025-01").build();
        try {
            return http.send(request, body).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every page, handing the id of each Failed import to {@code each}. */
    public static void failedIds(String host, String key, Consumer<String> each) {
        failedIds(HttpClient.newHttpClient(), new ObjectMapper(), host, key, each);
    }

    private static void failedIds(HttpClient http, ObjectMapper json, String host, String key, Consumer<String> each) {
        try {
            String token = null;
            do {
                JsonNode page = json.readTree(send(http, host, key, token, HttpResponse.BodyHandlers.ofString()));
                for (JsonNode model : page.path("data")) {
                    if ("Failed".equals(model.path("status").asText())) {
                        each.accept(model.path("id").asText());
                    }
                }
                token = page.path("pagination").path("next").asText(null);
            } while (token != null && !token.isEmpty());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs each contestant once per round, in turn, {@code warmup} rounds unmeasured then {@code rounds} measured;
     * fails if they disagree on the count. Returns "name TAB median ms TAB count" lines.
     */
    public static String run(List<String> names, List<IntSupplier> contestants, int warmup, int rounds) {
        List<List<Double>> times = new ArrayList<>();
        contestants.forEach(c -> times.add(new ArrayList<>()));
        int[] counts = new int[contestants.size()];
        for (int round = 0; round < warmup + rounds; round++) {
            for (int c = 0; c < contestants.size(); c++) {
                long t0 = System.nanoTime();
                counts[c] = contestants.get(c).getAsInt();
                if (round >= warmup) {
                    times.get(c).add((System.nanoTime() - t0) / 1e6);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < contestants.size(); c++) {
            if (counts[c] != counts[0]) {
                throw new AssertionError(
                        names.get(c) + " counted " + counts[c] + ", " + names.get(0) + " " + counts[0]);
            }
            out.append(String.format(Locale.ROOT, "%s\t%.1f\t%d%n", names.get(c), median(times.get(c)), counts[c]));
        }
        return out.toString();
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
