package io.github.pineconeimports.function;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.github.pineconeimports.client.Connection;
import io.github.pineconeimports.client.PineconeConfig;
import io.github.pineconeimports.failure.Failure;
import io.github.pineconeimports.failure.InvalidQueryException;
import io.github.pineconeimports.imports.ImportLister;
import io.github.pineconeimports.imports.ImportPage;
import io.github.pineconeimports.imports.ImportQuery;
import io.github.pineconeimports.support.ControlPlaneStandIn;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The key goes to the control plane, and to the index hosts it names only when they are inside Pinecone's domain
 * or on the control plane's own loopback address. A control plane that names any other host is refused before a
 * single request is sent anywhere; the host it named (a second WireMock) must see nothing. The engine is called as
 * the command line calls it, with a connection to the stand-in control plane and a key of its own.
 */
@QuarkusTest
class KeyStaysHomeTest {

    WireMockServer controlPlane;
    WireMockServer index;
    WireMockServer elsewhere;

    @Inject
    ImportLister lister;

    @Inject
    PineconeConfig config;

    @BeforeAll
    static void start() {
        ControlPlaneStandIn.start();
    }

    @AfterAll
    static void stop() {
        ControlPlaneStandIn.stop();
    }

    private ImportPage list(String... indexes) {
        Connection connection = Connection.of(config).withIndexHost(null).withControllerHost(ControlPlaneStandIn.url())
                .withApiKey(ControlPlaneStandIn.SECRET_KEY);
        return lister.list(ImportQuery.builder().indexes(List.of(indexes)).build(), connection);
    }

    @BeforeEach
    void project() {
        controlPlane = ControlPlaneStandIn.controlPlane();
        index = ControlPlaneStandIn.index();
        elsewhere = ControlPlaneStandIn.elsewhere();
        for (WireMockServer server : List.of(controlPlane, index, elsewhere)) {
            server.resetAll();
        }
        controlPlane.stubFor(get(urlPathEqualTo("/indexes")).willReturn(okJson("{\"indexes\": ["
                + model("home", "127.0.0.1:" + index.port()) + ", " + model("away", "127.0.0.2:" + elsewhere.port())
                + "]}")));
        controlPlane.stubFor(get(urlPathEqualTo("/indexes/home"))
                .willReturn(okJson(model("home", "127.0.0.1:" + index.port()))));
        controlPlane.stubFor(get(urlPathEqualTo("/indexes/away"))
                .willReturn(okJson(model("away", "127.0.0.2:" + elsewhere.port()))));
        controlPlane.stubFor(get(urlPathEqualTo("/indexes/lost")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"code\": \"NOT_FOUND\", \"message\": \"Resource lost not found\"},"
                        + " \"status\": 404}")));
        controlPlane.stubFor(get(urlPathEqualTo("/indexes/locked")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"code\": \"FORBIDDEN\", \"message\": \"Key lacks access\"},"
                        + " \"status\": 403}")));
        String page = "{\"data\": [{\"id\": \"1\", \"uri\": \"s3://b/1/\", \"status\": \"Failed\"}]}";
        index.stubFor(get(urlPathEqualTo("/bulk/imports")).willReturn(okJson(page)));
        elsewhere.stubFor(get(urlPathEqualTo("/bulk/imports")).willReturn(okJson(page)));
    }

    @Test
    void aHostOutsideTheRuleIsRefusedBeforeAnyRequest() {
        Failure refused = assertThrows(Failure.class, () -> list("*"));
        assertEquals(Failure.Kind.UPSTREAM_ANOMALY, refused.kind());
        assertTrue(refused.getMessage().contains("refusing to send the API key to 127.0.0.2:" + elsewhere.port()),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("index 'away'"), refused.getMessage());
        assertFalse(refused.getMessage().contains(ControlPlaneStandIn.SECRET_KEY));
        index.verify(0, anyRequestedFor(anyUrl()));
        elsewhere.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anIndexOnTheControlPlanesOwnLoopbackAddressIsListedWithTheKey() {
        assertEquals("home", list("home").data().get(0).extra().get("index"));
        controlPlane.verify(getRequestedFor(urlPathEqualTo("/indexes/home"))
                .withHeader("Api-Key", equalTo(ControlPlaneStandIn.SECRET_KEY))
                .withHeader("X-Pinecone-Api-Version", equalTo("2025-01")));
        index.verify(getRequestedFor(urlPathEqualTo("/bulk/imports"))
                .withHeader("Api-Key", equalTo(ControlPlaneStandIn.SECRET_KEY)));
        elsewhere.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aNamesHostIsRememberedNotAskedEveryTime() {
        // a name no other test asks for: what the process remembers is this test's alone
        controlPlane.stubFor(get(urlPathEqualTo("/indexes/remembered"))
                .willReturn(okJson(model("remembered", "127.0.0.1:" + index.port()))));
        for (int i = 0; i < 3; i++) {
            list("remembered");
        }
        assertEquals(1, controlPlane
                .countRequestsMatching(getRequestedFor(urlPathEqualTo("/indexes/remembered")).build()).getCount());
        assertEquals(3, index.getAllServeEvents().size());
    }

    @Test
    void theControlPlanesErrorsAreDecoded() {
        InvalidQueryException lost = assertThrows(InvalidQueryException.class, () -> list("lost"));
        assertEquals("index", lost.field());
        assertEquals("lost", lost.value());
        Failure locked = assertThrows(Failure.class, () -> list("locked"));
        assertEquals(Failure.Kind.UPSTREAM_REJECTED, locked.kind());
        assertTrue(locked.getMessage().contains("FORBIDDEN: Key lacks access"), locked.getMessage());
    }

    private static String model(String name, String host) {
        return "{\"name\": \"" + name + "\", \"dimension\": 8, \"metric\": \"cosine\", \"host\": \"" + host + "\","
                + " \"spec\": {\"serverless\": {\"cloud\": \"aws\", \"region\": \"us-east-1\"}},"
                + " \"status\": {\"ready\": true, \"state\": \"Ready\"}, \"vector_type\": \"dense\"}";
    }
}
