package io.github.pineconeimports.function;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.atlassian.oai.validator.model.Request;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.github.pineconeimports.support.OpenApiDocument;
import io.github.pineconeimports.support.UpstreamProfile;
import io.github.pineconeimports.support.WireMockUpstream;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** What a caller of {@code listImports} sees when Pinecone fails: a non-2xx that says so, never a short list. */
@QuarkusTest
@TestProfile(UpstreamProfile.class)
class UpstreamFailureTest {

    WireMockServer wireMock;

    @BeforeEach
    void reset() {
        wireMock = WireMockUpstream.server();
        wireMock.resetAll();
    }

    @Test
    void rejectedKeyIsA502SayingSo() {
        wireMock.stubFor(get(urlPathEqualTo("/bulk/imports"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "text/plain")
                        .withBody("Invalid API Key")));
        String body = given().get("/listImports").then().statusCode(502)
                .body("error", equalTo("upstream_failed"))
                .body("message", containsString("Pinecone rejected the API key (401): Invalid API Key"))
                .body("upstreamStatus", equalTo(401))
                .body("incomplete", equalTo(true))
                .extract().asString();
        assertFalse(body.contains(WireMockUpstream.SECRET_KEY));
        assertFalse(body.contains("Exception"), "no stack trace or class names: " + body);
        OpenApiDocument.assertDocumented(Request.Method.GET, 502, body);
    }

    @Test
    void rpcStatusMessageIsPassedOn() {
        wireMock.stubFor(get(urlPathEqualTo("/bulk/imports")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":3,\"message\":\"Invalid limit\"}")));
        given().get("/listImports").then().statusCode(502)
                .body("message", containsString("Pinecone rejected the request (400): Invalid limit"));
    }

    @Test
    void serverErrorIsA502() {
        wireMock.stubFor(get(urlPathEqualTo("/bulk/imports")).willReturn(aResponse().withStatus(500).withBody("oops")));
        given().get("/listImports").then().statusCode(502).body("upstreamStatus", equalTo(500))
                .body("message", containsString("Pinecone failed to answer (500)"));
    }

    @Test
    void throttlingIsA503() {
        wireMock.stubFor(get(urlPathEqualTo("/bulk/imports")).willReturn(aResponse().withStatus(429)));
        String body = given().get("/listImports").then().statusCode(503).body("upstreamStatus", equalTo(429)).extract()
                .asString();
        OpenApiDocument.assertDocumented(Request.Method.GET, 503, body);
    }

    @Test
    void aFailingSecondPageFailsTheWholeListing() {
        firstPage("{\"data\":[" + item("1", "Failed") + "," + item("2", "Completed") + "],"
                + "\"pagination\":{\"next\":\"p2+/=\"}}");
        wireMock.stubFor(get(urlPathEqualTo("/bulk/imports"))
                .withQueryParam("paginationToken", WireMock.equalTo("p2+/="))
                .willReturn(aResponse().withStatus(503)));
        String body = given().queryParam("status", "Failed").queryParam("all", true).get("/listImports").then()
                .statusCode(502)
                .body("incomplete", equalTo(true))
                .body("pagesRead", equalTo(1))
                .body("message", containsString("Listing incomplete after 1 page (2 imports scanned)"))
                .body("data", equalTo(null)).extract().asString();
        OpenApiDocument.assertDocumented(Request.Method.GET, 502, body);
    }

    @Test
    void aRepeatedTokenIsAnUpstreamLoopNotAnEndlessOne() {
        firstPage("{\"data\":[" + item("1", "Failed") + "],\"pagination\":{\"next\":\"T1\"}}");
        wireMock.stubFor(get(urlPathEqualTo("/bulk/imports")).withQueryParam("paginationToken", WireMock.equalTo("T1"))
                .willReturn(okJson("{\"data\":[" + item("2", "Failed") + "],\"pagination\":{\"next\":\"T1\"}}")));
        given().queryParam("all", true).get("/listImports").then().statusCode(502)
                .body("message", containsString("repeated a pagination token"))
                .body("pagesRead", equalTo(2));
        assertEquals(2, wireMock.getAllServeEvents().size());
    }

    @Test
    void aPageWithoutDataIsAnAnomaly() {
        firstPage("{\"pagination\":{\"next\":\"T1\"}}");
        given().get("/listImports").then().statusCode(502).body("message", containsString("without data"));
    }

    @Test
    void unknownStatusesPassThroughAndAreCounted() {
        firstPage(io.github.pineconeimports.support.Fixtures.read("list-newer-api.json"));
        given().get("/listImports").then().statusCode(200)
                .body("data[0].status", equalTo("Paused"))
                .body("data[0].integrationId", equalTo("int-7"))
                .body("summary.byStatus.Paused", equalTo(1))
                .body("summary.byStatus.Failed", equalTo(1));
        given().queryParam("status", "Failed").get("/listImports").then().statusCode(200)
                .body("data.id", equalTo(java.util.List.of("302")));
    }

    @Test
    void theFunctionNeverSendsAnUpstreamLimitOtherThanTheMaximum() {
        firstPage("{\"data\":[]}");
        given().queryParam("limit", 5).get("/listImports").then().statusCode(200).body("data.size()", equalTo(0))
                .body("pagination", equalTo(null));
        wireMock.verify(getRequestedFor(urlPathEqualTo("/bulk/imports"))
                .withQueryParam("limit", WireMock.equalTo("100")).withQueryParam("paginationToken", absent()));
    }

    @Test
    void responsesNeverCarryTheKey() {
        wireMock.stubFor(get(urlPathEqualTo("/bulk/imports")).willReturn(aResponse().withStatus(403)
                .withBody("{\"code\":7,\"message\":\"key " + WireMockUpstream.SECRET_KEY + " lacks access\"}")));
        given().get("/listImports").then().statusCode(502)
                .body(not(containsString(WireMockUpstream.SECRET_KEY)))
                .body("message", containsString("key *** lacks access"));
    }

    private void firstPage(String json) {
        wireMock.stubFor(get(urlPathEqualTo("/bulk/imports")).withQueryParam("paginationToken", absent())
                .willReturn(okJson(json)));
    }

    private static String item(String id, String status) {
        return "{\"id\":\"" + id + "\",\"uri\":\"s3://b/" + id + "\",\"status\":\"" + status
                + "\",\"createdAt\":\"2025-01-01T00:00:00Z\"}";
    }
}
