package io.github.pineconeimports.support;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in of the AWS Parameters and Secrets extension's HTTP API on loopback; the application has no key of its
 * own.
 */
public class SecretsExtensionStandIn implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = WireMockUpstream.started("127.0.0.1");
        return Map.of("parameters-secrets-extension-http-port", String.valueOf(server.port()), "pinecone.api-key", "");
    }

    @Override
    public void stop() {
        server.stop();
    }
}
