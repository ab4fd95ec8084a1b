package io.github.pineconeimports.support;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * WireMock servers on loopback standing in for a control plane (127.0.0.1), an index host it may send the key to
 * (127.0.0.1, another port), and a host it must never send it to (127.0.0.2: another loopback address).
 */
public class ControlPlaneStandIn implements QuarkusTestResourceLifecycleManager {

    public static final String SECRET_KEY = "pcsk_control_SECRET_3e9b";
    private static WireMockServer controlPlane;
    private static WireMockServer index;
    private static WireMockServer elsewhere;

    public static WireMockServer controlPlane() {
        return controlPlane;
    }

    public static WireMockServer index() {
        return index;
    }

    public static WireMockServer elsewhere() {
        return elsewhere;
    }

    @Override
    public Map<String, String> start() {
        controlPlane = started("127.0.0.1");
        index = started("127.0.0.1");
        elsewhere = started("127.0.0.2");
        return Map.of("pinecone.controller-host", "http://127.0.0.1:" + controlPlane.port(),
                "pinecone.index-host", "",
                "pinecone.api-key", SECRET_KEY,
                "pinecone-emulator.enabled", "false");
    }

    private static WireMockServer started(String address) {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().bindAddress(address).dynamicPort());
        server.start();
        return server;
    }

    @Override
    public void stop() {
        for (WireMockServer server : new WireMockServer[] { controlPlane, index, elsewhere }) {
            if (server != null) {
                server.stop();
            }
        }
    }
}
