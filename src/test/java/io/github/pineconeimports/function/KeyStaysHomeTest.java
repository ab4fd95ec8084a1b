package io.github.pineconeimports.function;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.github.pineconeimports.support.ControlPlaneStandIn;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The key goes to the control plane, and to the index hosts it names only when they are inside Pinecone's domain
 * or on the control plane's own loopback address. A control plane that names any other host is refused before a
 * single request is sent anywhere; the host it named (a second WireMock) must see nothing.
 */
@QuarkusTest
@TestProfile(KeyStaysHomeTest.StandIn.class)
class KeyStaysHomeTest {

    public static class StandIn implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ControlPlaneStandIn.class));
        }
    }

    WireMockServer controlPlane;
    WireMockServer index;
    WireMockServer elsewhere;

    @BeforeEach
    void project() {
        controlPlane = ControlPlaneStandIn.controlPlane();
        index = ControlPlaneStandIn.index();
        elsewhere = ControlPlaneStandIn.elsewhere();
        for (WireMockServer server : List.of(controlPlane, index, elsewhere)) {
            server.resetAll();
        }
        controlPlane.stubFor(get(urlPathEqualTo("/indexes")).willReturn(okJson("{\"indexes\": [" + model("home", "127.0.0.1:" + index.port())
                + ", " + model("away", "127.0.0.2:" + elsewhere.port()) + "]}")));
        controlPlane.stubFor(get(urlPathEqualTo("/indexes/home")).willReturn(okJson(model("home", "127.0.0.1:" + index.port()))));
        controlPlane.stubFor(get(urlPathEqualTo("/indexes/away")).willReturn(okJson(model("away", "127.0.0.2:" + elsewhere.port()))));
        controlPlane.stubFor(get(urlPathEqualTo("/indexes/lost")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"code\": \"NOT_FOUND\", \"message\": \"Resource lost not found\"}, \"status\": 404}")));
        controlPlane.stubFor(get(urlPathEqualTo("/indexes/locked")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"code\": \"FORBIDDEN\", \"message\": \"Key lacks access\"}, \"status\": 403}")));
        String page = "{\"data\": [{\"id\": \"1\", \"uri\": \"s3://b/1/\", \"status\": \"Failed\"}]}";
        index.stubFor(get(urlPathEqualTo("/bulk/imports")).willReturn(okJson(page)));
        elsewhere.stubFor(get(urlPathEqualTo("/bulk/imports")).willReturn(okJson(page)));
    }

    @Test
    void aHostOutsideTheRuleIsRefusedBeforeAnyRequest() {
        given().queryParam("index", "*").get("/listImports").then().statusCode(502)
                .body("message", containsString("refusing to send the API key to 127.0.0.2:" + elsewhere.port()))
                .body("message", containsString("index 'away'"))
                .body(not(containsString(ControlPlaneStandIn.SECRET_KEY)));
        index.verify(0, anyRequestedFor(anyUrl()));
        elsewhere.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anIndexOnTheControlPlanesOwnLoopbackAddressIsListedWithTheKey() {
        given().queryParam("index", "home").get("/listImports").then().statusCode(200)
                .body("data[0].index", org.hamcrest.Matchers.equalTo("home"));
        controlPlane.verify(getRequestedFor(urlPathEqualTo("/indexes/home")).withHeader("Api-Key", equalTo(ControlPlaneStandIn.SECRET_KEY))
                .withHeader("X-Pinecone-Api-Version", equalTo("2025-01")));
        index.verify(getRequestedFor(urlPathEqualTo("/bulk/imports")).withHeader("Api-Key", equalTo(ControlPlaneStandIn.SECRET_KEY)));
        elsewhere.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aNamesHostIsRememberedNotAskedEveryTime() {
        // a name no other test asks for: what the process remembers is this test's alone
        controlPlane.stubFor(get(urlPathEqualTo("/indexes/remembered")).willReturn(okJson(model("remembered", "127.0.0.1:" + index.port()))));
        for (int i = 0; i < 3; i++) {
            given().queryParam("index", "remembered").get("/listImports").then().statusCode(200);
        }
        assertEquals(1, controlPlane.countRequestsMatching(getRequestedFor(urlPathEqualTo("/indexes/remembered")).build()).getCount());
        assertEquals(3, index.getAllServeEvents().size());
    }

    @Test
    void theControlPlanesErrorsAreDecoded() {
        given().queryParam("index", "lost").get("/listImports").then().statusCode(400)
                .body("field", org.hamcrest.Matchers.equalTo("index")).body("value", org.hamcrest.Matchers.equalTo("lost"));
        given().queryParam("index", "locked").get("/listImports").then().statusCode(502)
                .body("message", containsString("FORBIDDEN: Key lacks access"));
    }

    private static String model(String name, String host) {
        return "{\"name\": \"" + name + "\", \"dimension\": 8, \"metric\": \"cosine\", \"host\": \"" + host + "\","
                + " \"spec\": {\"serverless\": {\"cloud\": \"aws\", \"region\": \"us-east-1\"}},"
                + " \"status\": {\"ready\": true, \"state\": \"Ready\"}, \"vector_type\": \"dense\"}";
    }
}
