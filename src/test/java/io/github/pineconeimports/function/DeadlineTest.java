package io.github.pineconeimports.function;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.github.pineconeimports.support.WireMockUpstream;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * One deadline for the whole listing (2 s here): an upstream slower than the read timeout (1 s) is retried only
 * while the deadline leaves room, then the call ends incomplete. Asserted by order and count, with a generous
 * upper bound on time.
 */
@QuarkusTest
@TestProfile(DeadlineTest.ShortDeadline.class)
class DeadlineTest {

    public static class ShortDeadline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("imports.deadline", "2s", "pinecone.read-timeout", "1s",
                    "io.github.pineconeimports.client.PineconeClient/retryPage/Retry/delay", "50");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(WireMockUpstream.class));
        }
    }

    @Test
    void anUpstreamSlowerThanTheDeadlineEndsTheCallIncomplete() {
        WireMockServer pinecone = WireMockUpstream.server();
        pinecone.resetAll();
        pinecone.stubFor(get(urlPathEqualTo("/bulk/imports")).willReturn(okJson("{\"data\": []}").withFixedDelay(1_500)));
        long started = System.nanoTime();
        given().get("/listImports").then().statusCode(oneOf(502, 504)).body("incomplete", equalTo(true));
        long took = (System.nanoTime() - started) / 1_000_000;
        int calls = pinecone.getAllServeEvents().size();
        // the first attempt times out after 1 s and is retried; no retry starts once the 2 s are spent, so fewer
        // than the five attempts the retry policy allows
        assertTrue(calls >= 2 && calls <= 4, "retried only while time was left: " + calls);
        assertTrue(took < 2_000 + 1_000 + 5_000, "ended within the deadline, one read and a wide margin: " + took + " ms");
    }
}
