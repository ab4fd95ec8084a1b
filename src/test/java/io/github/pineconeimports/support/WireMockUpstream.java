package io.github.pineconeimports.support;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A WireMock server on loopback standing in for a Pinecone index host, with a known secret key. */
public class WireMockUpstream implements QuarkusTestResourceLifecycleManager {

    public static final String SECRET_KEY = "pcsk_test_SECRET_6f1d2c";
    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    /** A started WireMock server on a free port of {@code address} (a loopback address). */
    public static WireMockServer started(String address) {
        WireMockServer started = new WireMockServer(WireMockConfiguration.options().bindAddress(address).dynamicPort());
        started.start();
        return started;
    }

    @Override
    public Map<String, String> start() {
        server = started("127.0.0.1");
        return Map.of("pinecone.index-host", "http://127.0.0.1:" + server.port(),
                "pinecone.api-key", SECRET_KEY,
                "pinecone-emulator.enabled", "false");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
