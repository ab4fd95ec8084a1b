package io.github.pineconeimports.emulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

/**
 * A project of several indexes: each with its own data set (seeded from the seed and its position) on a port of
 * its own, and the control plane that names them, on {@code port}, all on one loopback address.
 */
public final class EmulatorProject implements AutoCloseable {

    private final Vertx vertx;
    private final HttpServer controlPlane;
    private final Map<String, EmulatorServer> indexes;
    private final Map<String, ControlPlaneRoutes.IndexState> states;

    private EmulatorProject(Vertx vertx, HttpServer controlPlane, Map<String, EmulatorServer> indexes,
            Map<String, ControlPlaneRoutes.IndexState> states) {
        this.vertx = vertx;
        this.controlPlane = controlPlane;
        this.indexes = indexes;
        this.states = states;
    }

    /**
     * A control plane on {@code settings}' port and one index per name, each on a free port with its own imports, on
     * a Vert.x of the project's own (as {@link EmulatorServer#start(EmulatorSettings)}).
     */
    public static EmulatorProject start(EmulatorSettings settings, List<String> names) {
        Vertx vertx = Vertx.vertx();
        String host = settings.host();
        Clock clock = settings.clock();
        Map<String, EmulatorServer> indexes = new LinkedHashMap<>();
        Map<String, ControlPlaneRoutes.IndexState> states = new LinkedHashMap<>();
        List<EmulatorServer> started = new ArrayList<>();
        try {
            for (int i = 0; i < names.size(); i++) {
                // a clock that steps per listing steps per listing of each index, not per listing of any index
                Clock own = clock instanceof ListingClock listing ? listing.fork() : clock;
                EmulatorServer index = EmulatorServer.start(vertx, settings.listening(host, 0)
                        .withImports(settings.imports(), settings.seed() + i).withTime(settings.tick(), own), null);
                started.add(index);
                indexes.put(names.get(i), index);
                states.put(names.get(i), new ControlPlaneRoutes.IndexState(host + ":" + index.port()));
            }
            Router router = Router.router(vertx);
            new ControlPlaneRoutes(settings.apiKey(), states).mount(router);
            HttpServer server = vertx.createHttpServer().requestHandler(router).listen(settings.port(), host)
                    .toCompletionStage().toCompletableFuture().join();
            return new EmulatorProject(vertx, server, indexes, states);
        } catch (RuntimeException e) {
            started.forEach(EmulatorServer::close);
            vertx.close().toCompletionStage().toCompletableFuture().join();
            throw e;
        }
    }

    /** The control plane's port. */
    public int port() {
        return controlPlane.actualPort();
    }

    /** The indexes by name, in the order given. */
    public Map<String, EmulatorServer> indexes() {
        return indexes;
    }

    /** What the control plane says of an index's readiness from now on. */
    public void setStatus(String index, boolean ready, String state) {
        states.get(index).ready = ready;
        states.get(index).state = state;
    }

    @Override
    public void close() {
        controlPlane.close().toCompletionStage().toCompletableFuture().join();
        indexes.values().forEach(EmulatorServer::close);
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
