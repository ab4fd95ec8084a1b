package io.github.pineconeimports.lambda;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import jakarta.inject.Inject;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.github.pineconeimports.function.lambda.SnapStartPriming;
import io.github.pineconeimports.support.UpstreamProfile;
import io.github.pineconeimports.support.WireMockUpstream;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * SnapStart priming runs a whole listing (event, pages through the REST client, filter, summary, JSON answer)
 * without calling Pinecone, and leaves the function as it found it. Runs with {@code -Plambda}.
 */
@QuarkusTest
@TestProfile(UpstreamProfile.class)
class SnapStartPrimingTest {

    @Inject
    SnapStartPriming priming;

    @Inject
    ObjectMapper json;

    @Test
    void primesTheWholeListingPathWithoutCallingPinecone() throws Exception {
        WireMockUpstream.server().resetRequests();

        JsonNode answer = json.readTree(priming.prime());

        // both pages were fetched and read, and only the asked-for statuses kept
        assertEquals(2, answer.at("/summary/pages").asInt(), answer::toString);
        assertEquals(100, answer.at("/summary/scanned").asInt(), answer::toString);
        Set<String> statuses = new HashSet<>();
        answer.get("data").forEach(item -> statuses.add(item.get("status").asText()));
        assertEquals(Set.of("Failed", "Cancelled"), statuses);
        assertTrue(answer.at("/summary/byStatus/Paused").asInt() > 0, "a status Pinecone has not named yet survives");
        // Pinecone (here WireMock, the configured host) saw nothing: no request, so no key
        assertEquals(0, WireMockUpstream.server().getAllServeEvents().size());
    }

    @Test
    void anInvocationAfterPrimingReachesTheConfiguredHostWithTheRealKey() throws Exception {
        priming.prime();
        WireMockUpstream.server().resetAll();
        WireMockUpstream.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/bulk/imports"))
                .willReturn(WireMock.okJson("{\"data\":[{\"id\":\"1\",\"status\":\"Failed\"}],\"pagination\":{}}")));

        given().contentType("application/json").body("{\"status\":[\"Failed\"]}").post().then().statusCode(200)
                .body("data.id", Matchers.contains("1"));

        var requests = WireMockUpstream.server()
                .findAll(WireMock.getRequestedFor(WireMock.urlPathEqualTo("/bulk/imports")));
        assertFalse(requests.isEmpty());
        for (LoggedRequest request : requests) {
            assertEquals(WireMockUpstream.SECRET_KEY, request.getHeader("Api-Key"));
        }
    }
}
