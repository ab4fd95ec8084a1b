package io.github.pineconeimports.emulator;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

/**
 * The emulator on an HTTP server of its own, for {@code pinecone-imports emulator} and for tests. Started alone, it
 * runs on a Vert.x of its own, closed with it: the application's is instrumented, and Micrometer would count it.
 */
public final class EmulatorServer implements AutoCloseable {

    private final HttpServer server;
    private final EmulatorRoutes routes;
    private final String host;
    private final Vertx owned;

    private EmulatorServer(HttpServer server, EmulatorRoutes routes, String host, Vertx owned) {
        this.server = server;
        this.routes = routes;
        this.host = host;
        this.owned = owned;
    }

    /** Starts it and waits until it listens; port 0 picks a free one. */
    public static EmulatorServer start(EmulatorSettings settings) {
        Vertx vertx = Vertx.vertx();
        try {
            return start(vertx, settings, vertx);
        } catch (RuntimeException e) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
            throw e;
        }
    }

    /** One of a project's indexes, on the project's Vert.x. */
    static EmulatorServer start(Vertx vertx, EmulatorSettings settings, Vertx owned) {
        Router router = Router.router(vertx);
        EmulatorRoutes routes = EmulatorRoutes.of(settings);
        routes.mount(router);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(settings.port(), settings.host())
                .toCompletionStage().toCompletableFuture().join();
        return new EmulatorServer(server, routes, settings.host(), owned);
    }

    public int port() {
        return server.actualPort();
    }

    /** Where it answers, as a client is pointed at it. */
    public String url() {
        return "http://" + host + ":" + port();
    }

    public EmulatorStore store() {
        return routes.store();
    }

    /** Every listing fails with {@code status} until called with null: an outage, for tests and demos. */
    public void failWith(Integer status) {
        routes.failWith(status);
    }

    @Override
    public void close() {
        server.close().toCompletionStage().toCompletableFuture().join();
        if (owned != null) {
            owned.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
