package io.github.pineconeimports.support;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * WireMock servers on loopback standing in for a control plane (127.0.0.1), an index host it may send the key to
 * (127.0.0.1, another port), and a host it must never send it to (127.0.0.2: another loopback address). Started by
 * the test that uses them, which hands the engine a connection to this control plane: no test profile, no boot.
 */
public final class ControlPlaneStandIn {

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

    private ControlPlaneStandIn() {
    }

    /** Starts the three servers; the control plane's address is {@link #url()}. */
    public static void start() {
        controlPlane = WireMockUpstream.started("127.0.0.1");
        index = WireMockUpstream.started("127.0.0.1");
        elsewhere = WireMockUpstream.started("127.0.0.2");
    }

    public static String url() {
        return "http://127.0.0.1:" + controlPlane.port();
    }

    public static void stop() {
        for (WireMockServer server : new WireMockServer[] { controlPlane, index, elsewhere }) {
            if (server != null) {
                server.stop();
            }
        }
    }
}
