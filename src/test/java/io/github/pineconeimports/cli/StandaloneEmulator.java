package io.github.pineconeimports.cli;

import java.time.Clock;
import java.time.Duration;

import io.github.pineconeimports.emulator.EmulatorServer;
import io.github.pineconeimports.emulator.EmulatorStore;
import io.github.pineconeimports.support.Emulator;
import io.vertx.core.Vertx;

/** The emulator on a loopback port of its own, for command-line tests. */
final class StandaloneEmulator implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final EmulatorServer server;

    StandaloneEmulator(Duration tick, Clock clock) {
        server = EmulatorServer.start(vertx, "127.0.0.1", 0, Emulator.KEY, 250, 42, tick, clock);
    }

    EmulatorStore store() {
        return server.store();
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
