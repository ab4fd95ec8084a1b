package io.github.pineconeimports.emulator;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Pinecone's bulk-import endpoints over an {@link EmulatorStore}, as the 2025-01 data-plane spec describes
 * them: {@code GET}/{@code POST /bulk/imports}, {@code GET}/{@code DELETE /bulk/imports/{id}}, the
 * {@code Api-Key} header, {@code rpcStatus} errors (gRPC code 3 for bad arguments, 5 for not found) and a
 * plain-text 401, as Pinecone sends it. Mounted on any Vert.x router: this application's in dev and test,
 * or a server of its own.
 */
public final class EmulatorRoutes {

    static final int INVALID_ARGUMENT = 3;
    static final int NOT_FOUND = 5;
    static final int UNAVAILABLE = 14;
    private static final Set<String> SCHEMES = Set.of("s3://", "gs://", "https://");

    private final EmulatorStore store;
    private final String apiKey;
    private volatile Integer outage;
    private static final ObjectMapper JSON = new ObjectMapper();

    private EmulatorRoutes(EmulatorStore store, String apiKey) {
        this.store = store;
        this.apiKey = apiKey;
    }

    /** The routes of an emulator with {@code settings}' key and imports (where it listens is the caller's). */
    static EmulatorRoutes of(EmulatorSettings settings) {
        return new EmulatorRoutes(new EmulatorStore(settings.clock(), settings.tick(), settings.imports(),
                settings.seed()), settings.apiKey());
    }

    public EmulatorStore store() {
        return store;
    }

    /** From now on, every listing fails with this HTTP status (an outage, for tests and demos); null ends it. */
    public void failWith(Integer status) {
        outage = status;
    }

    public void mount(Router router) {
        router.route("/bulk/imports*").order(-20).handler(this::authenticate);
        router.get("/bulk/imports").handler(this::list);
        router.post("/bulk/imports").handler(BodyHandler.create().setBodyLimit(64 * 1024)).handler(this::start);
        router.get("/bulk/imports/:id").handler(this::describe);
        router.delete("/bulk/imports/:id").handler(this::cancel);
    }

    private void authenticate(RoutingContext rc) {
        String given = rc.request().getHeader("Api-Key");
        if (given == null || !given.equals(apiKey)) {
            rc.response().setStatusCode(401).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain").end("Invalid API Key");
            return;
        }
        rc.next();
    }

    private void list(RoutingContext rc) {
        if (outage != null) {
            error(rc, outage, UNAVAILABLE, "Emulated outage");
            return;
        }
        List<String> limits = rc.queryParam("limit");
        int limit = 100;
        if (!limits.isEmpty()) {
            try {
                limit = Integer.parseInt(limits.get(0));
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > 100) {
                error(rc, 400, INVALID_ARGUMENT, "Invalid limit: must be an integer between 1 and 100");
                return;
            }
        }
        List<String> tokens = rc.queryParam("paginationToken");
        int offset = 0;
        if (!tokens.isEmpty() && !tokens.get(0).isEmpty()) {
            offset = PageToken.offset(tokens.get(0), store.size());
            if (offset < 0) {
                error(rc, 400, INVALID_ARGUMENT, "Invalid pagination token");
                return;
            }
        }
        EmulatorStore.Page page = store.list(offset, limit);
        Map<String, Object> body = page.next() == null ? Map.of("data", page.data())
                : Map.of("data", page.data(), "pagination", Map.of("next", page.next()));
        send(rc, 200, body);
    }

    private void start(RoutingContext rc) {
        JsonNode body;
        try {
            body = JSON.readTree(rc.body().asString());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            error(rc, 400, INVALID_ARGUMENT, "Invalid request body: expected a JSON object");
            return;
        }
        JsonNode uri = body.get("uri");
        if (uri == null || !uri.isTextual() || uri.asText().isEmpty() || uri.asText().length() > 1500
                || SCHEMES.stream().noneMatch(uri.asText()::startsWith)) {
            error(rc, 400, INVALID_ARGUMENT,
                    "Invalid uri: must be an s3://, gs:// or https:// prefix of 1 to 1500 characters");
            return;
        }
        JsonNode integration = body.get("integrationId");
        if (integration != null && !integration.isNull() && (!integration.isTextual() || integration.asText()
                .length() > 1000)) {
            error(rc, 400, INVALID_ARGUMENT, "Invalid integrationId: must be a string of at most 1000 characters");
            return;
        }
        JsonNode onError = body.path("errorMode").path("onError");
        if (!onError.isMissingNode() && !onError.isNull() && !Set.of("abort", "continue").contains(onError.asText())) {
            error(rc, 400, INVALID_ARGUMENT, "Invalid errorMode.onError: must be abort or continue");
            return;
        }
        send(rc, 200, Map.of("id", store.start(uri.asText())));
    }

    private void describe(RoutingContext rc) {
        store.describe(rc.pathParam("id")).ifPresentOrElse(view -> send(rc, 200, view),
                () -> error(rc, 404, NOT_FOUND, "Import " + rc.pathParam("id") + " not found"));
    }

    private void cancel(RoutingContext rc) {
        if (store.cancel(rc.pathParam("id"))) {
            send(rc, 200, Map.of());
        } else {
            error(rc, 404, NOT_FOUND, "Import " + rc.pathParam("id") + " not found");
        }
    }

    private void error(RoutingContext rc, int status, int code, String message) {
        send(rc, status, Map.of("code", code, "message", message, "details", List.of()));
    }

    /** A JSON answer; shared with {@link ControlPlaneRoutes}. */
    static void send(RoutingContext rc, int status, Object body) {
        try {
            rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            rc.fail(e);
        }
    }
}
