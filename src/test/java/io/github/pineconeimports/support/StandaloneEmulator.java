package io.github.pineconeimports.support;

import java.time.Clock;
import java.time.Duration;

import io.github.pineconeimports.emulator.EmulatorServer;
import io.github.pineconeimports.emulator.EmulatorSettings;
import io.github.pineconeimports.emulator.EmulatorStore;
import io.vertx.core.Vertx;

/** The emulator on a loopback port of its own, for command-line tests. */
public final class StandaloneEmulator implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final EmulatorServer server;

    public StandaloneEmulator(Duration tick, Clock clock) {
        server = EmulatorServer.start(vertx,
                EmulatorSettings.defaults().withApiKey(Emulator.KEY).withTime(tick, clock));
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
