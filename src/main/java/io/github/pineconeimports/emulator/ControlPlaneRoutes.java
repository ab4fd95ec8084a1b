package io.github.pineconeimports.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Pinecone's control plane, as far as listing imports needs it: {@code GET /indexes} and
 * {@code GET /indexes/{name}} in the 2025-01 shapes ({@code IndexList}, {@code IndexModel}), errors as
 * {@code ErrorResponse}. Each index's host is a bare {@code host:port}, as Pinecone reports hosts.
 */
final class ControlPlaneRoutes {

    private final String apiKey;
    private final Map<String, IndexState> indexes;

    /** An index as the control plane reports it; {@code ready} and {@code state} may change while it runs. */
    static final class IndexState {
        final String host;
        volatile boolean ready = true;
        volatile String state = "Ready";

        IndexState(String host) {
            this.host = host;
        }
    }

    ControlPlaneRoutes(String apiKey, Map<String, IndexState> indexes) {
        this.apiKey = apiKey;
        this.indexes = indexes;
    }

    void mount(Router router) {
        router.route("/indexes*").order(-20).handler(this::authenticate);
        router.get("/indexes").handler(rc -> {
            List<Map<String, Object>> all = new ArrayList<>();
            indexes.keySet().forEach(name -> all.add(model(name)));
            send(rc, 200, Map.of("indexes", all));
        });
        router.get("/indexes/:name").handler(rc -> {
            String name = rc.pathParam("name");
            if (indexes.containsKey(name)) {
                send(rc, 200, model(name));
            } else {
                error(rc, 404, "NOT_FOUND", "Resource " + name + " not found");
            }
        });
    }

    private void authenticate(RoutingContext rc) {
        if (!apiKey.equals(rc.request().getHeader("Api-Key"))) {
            error(rc, 401, "UNAUTHENTICATED", "Invalid API Key");
            return;
        }
        rc.next();
    }

    private Map<String, Object> model(String name) {
        IndexState index = indexes.get(name);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", name);
        model.put("dimension", 1536);
        model.put("metric", "cosine");
        model.put("host", index.host);
        model.put("deletion_protection", "disabled");
        model.put("spec", Map.of("serverless", Map.of("cloud", "aws", "region", "us-east-1")));
        model.put("status", Map.of("ready", index.ready, "state", index.state));
        model.put("vector_type", "dense");
        return model;
    }

    private void error(RoutingContext rc, int status, String code, String message) {
        send(rc, status, Map.of("error", Map.of("code", code, "message", message), "status", status));
    }

    private static void send(RoutingContext rc, int status, Object body) {
        EmulatorRoutes.send(rc, status, body);
    }
}
