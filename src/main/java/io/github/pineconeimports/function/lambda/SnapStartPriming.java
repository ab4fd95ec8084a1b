package io.github.pineconeimports.function.lambda;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.pineconeimports.client.Connection;
import io.github.pineconeimports.client.IndexHost;
import io.github.pineconeimports.client.PineconeClient;
import io.github.pineconeimports.client.PineconeConfig;
import io.github.pineconeimports.function.ListImportsInput;
import io.github.pineconeimports.imports.ImportLister;
import io.github.pineconeimports.imports.ImportPage;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/**
 * SnapStart priming: just before Lambda snapshots the function, one real listing runs (event parsed, two pages
 * fetched, filtered, summed, written as JSON), so a restored function has loaded every class of a call. The pages
 * come from a server of this process on 127.0.0.1 with a made-up key: Pinecone is never called, the key never
 * read, and both server and clients are closed before the snapshot. Without SnapStart it does nothing.
 */
@Singleton
public class SnapStartPriming implements Resource {

    static final String KEY = "snapstart-priming-not-a-key";
    static final String EVENT = "{\"status\":[\"Failed\",\"Cancelled\"],\"all\":true}";

    @Inject
    ImportLister lister;

    @Inject
    PineconeClient client;

    @Inject
    PineconeConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    Vertx vertx;

    // CRaC holds its resources weakly: this singleton is what keeps the registration alive
    void register(@Observes StartupEvent started) {
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to renew: priming left no connection, no key and no cached index host behind
    }

    /** One listing against this process's own pages; returns its answer as the function would have written it. */
    public byte[] prime() throws Exception {
        HttpServer pages = vertx.createHttpServer().requestHandler(request -> request.response()
                .putHeader("Content-Type", "application/json")
                .end(request.getParam("paginationToken") == null ? page(0, "cHJpbWluZw+/=") : page(1, null)));
        pages.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        String host = "http://127.0.0.1:" + pages.actualPort();
        try {
            Connection own = new Connection(KEY, config.apiVersion(), host, null, null, Duration.ofSeconds(2),
                    Duration.ofSeconds(5));
            ImportPage answer = lister.list(json.readValue(EVENT, ListImportsInput.class).toQuery(), own);
            return json.writeValueAsBytes(answer);
        } finally {
            client.forget(IndexHost.parse(host));
            pages.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** Fifty imports in every status (one Pinecone has not named yet among them), as Pinecone writes them. */
    private String page(int number, String next) {
        String[] statuses = { "Pending", "InProgress", "Failed", "Completed", "Cancelled", "Paused" };
        Instant start = Instant.parse("2025-01-01T00:00:00.123Z");
        List<Map<String, Object>> data = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String status = statuses[i % statuses.length];
            boolean done = !status.equals("Pending") && !status.equals("InProgress");
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", String.valueOf(number * 50 + i));
            item.put("uri", "s3://priming/" + i);
            item.put("status", status);
            item.put("createdAt", start.plusSeconds(i).toString());
            if (done) {
                item.put("finishedAt", start.plusSeconds(60 + i).toString());
            }
            item.put("percentComplete", done ? 100.0 : 42.5);
            item.put("recordsImported", 1000L * i);
            data.add(item);
        }
        try {
            return json.writeValueAsString(Map.of("data", data,
                    "pagination", next == null ? Map.of() : Map.of("next", next)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
