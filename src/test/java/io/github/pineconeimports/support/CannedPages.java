package io.github.pineconeimports.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.pineconeimports.client.IndexTarget;
import io.github.pineconeimports.client.ListImportsResponse;
import io.github.pineconeimports.client.PageReader;
import io.github.pineconeimports.failure.PineconeException;
import io.github.pineconeimports.imports.Pages;

/**
 * Pinecone's pages for the engine's plain tests: each index host holds imports, served {@code limit} at a time with
 * tokens {@code t1, t2, ...}, read through the same {@link PageReader} as real pages. A host can loop (repeat its
 * token), lose its {@code data}, or fail at a page.
 */
public final class CannedPages implements Pages {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PageReader READER = new PageReader(JSON);

    private final Map<String, List<Map<String, Object>>> imports = new HashMap<>();
    private final Map<String, Integer> loopsAt = new HashMap<>();
    private final Map<String, Integer> failsAt = new HashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    /** {@code count} imports on {@code host}: ids {@code <host>-0..}, statuses in turn, finished an hour apart. */
    public CannedPages index(String host, int count) {
        String[] statuses = { "Completed", "Failed", "InProgress", "Cancelled", "Pending", "Paused" };
        List<Map<String, Object>> list = new ArrayList<>();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < count; i++) {
            String status = statuses[i % statuses.length];
            Map<String, Object> model = new HashMap<>(Map.of("id", host + "-" + i, "uri", "s3://bucket/" + i + "/",
                    "status", status, "createdAt", start.plusSeconds(3600L * i).toString()));
            if (status.equals("Completed") || status.equals("Failed") || status.equals("Cancelled")) {
                model.put("finishedAt", start.plusSeconds(3600L * i + 600).toString());
            }
            list.add(model);
        }
        imports.put(host, list);
        return this;
    }

    /** From page {@code page} (1-based) on, {@code host} hands out the token it was called with. */
    public CannedPages loopsAt(String host, int page) {
        loopsAt.put(host, page);
        return this;
    }

    /** Page {@code page} (1-based) of {@code host} fails with a 503, as after the client's retries. */
    public CannedPages failsAt(String host, int page) {
        failsAt.put(host, page);
        return this;
    }

    /** Pages asked of {@code host}. */
    public int calls(String host) {
        AtomicInteger n = calls.get(host);
        return n == null ? 0 : n.get();
    }

    public List<Map<String, Object>> imports(String host) {
        return imports.get(host);
    }

    @Override
    public ListImportsResponse page(IndexTarget target, int limit, String pageToken) {
        String host = target.connection().indexHost();
        calls.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
        int page = pageToken == null ? 1 : Integer.parseInt(pageToken.substring(1)) + 1;
        if (failsAt.getOrDefault(host, 0) == page) {
            throw PineconeException.answered(503, null, "Service Unavailable", null);
        }
        List<Map<String, Object>> all = imports.get(host);
        int from = (page - 1) * limit;
        List<Map<String, Object>> data = all.subList(Math.min(from, all.size()), Math.min(from + limit, all.size()));
        String next = from + limit < all.size() ? "t" + page : null;
        if (loopsAt.getOrDefault(host, Integer.MAX_VALUE) <= page && pageToken != null) {
            next = pageToken;
        }
        Map<String, Object> body = new HashMap<>(Map.of("data", data));
        if (next != null) {
            body.put("pagination", Map.of("next", next));
        }
        try {
            return READER.read(JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
