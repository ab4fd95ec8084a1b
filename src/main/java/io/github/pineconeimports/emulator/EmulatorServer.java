package io.github.pineconeimports.emulator;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

/** The emulator on an HTTP server of its own, for {@code pinecone-imports emulator} and for tests. */
public final class EmulatorServer implements AutoCloseable {

    private final HttpServer server;
    private final EmulatorRoutes routes;

    private EmulatorServer(HttpServer server, EmulatorRoutes routes) {
        this.server = server;
        this.routes = routes;
    }

    /** Starts it and waits until it listens; port 0 picks a free one. */
    public static EmulatorServer start(Vertx vertx, EmulatorSettings settings) {
        EmulatorStore store = new EmulatorStore(settings.clock(), settings.tick(), settings.imports(), settings.seed());
        Router router = Router.router(vertx);
        EmulatorRoutes routes = new EmulatorRoutes(store, settings.apiKey());
        routes.mount(router);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(settings.port(), settings.host())
                .toCompletionStage().toCompletableFuture().join();
        return new EmulatorServer(server, routes);
    }

    public int port() {
        return server.actualPort();
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
    }
}
