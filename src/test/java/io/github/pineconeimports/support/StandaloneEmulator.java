package io.github.pineconeimports.support;

import java.time.Duration;

import io.github.pineconeimports.emulator.EmulatorServer;
import io.github.pineconeimports.emulator.EmulatorStore;
import io.vertx.core.Vertx;

/** The emulator on a loopback port of its own, for command-line tests. */
public final class StandaloneEmulator implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final EmulatorServer server;

    /** @param tick one step of a started import: long enough that a command launched after starting one sees it run */
    public StandaloneEmulator(Duration tick) {
        server = EmulatorServer.start(vertx, "127.0.0.1", 0, Emulator.KEY, 250, 42, tick);
    }

    public EmulatorStore store() {
        return server.store();
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
