package io.github.pineconeimports.function;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.github.pineconeimports.support.UpstreamProfile;
import io.github.pineconeimports.support.WireMockUpstream;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * Pinecone failing in every way we know, through the function: each case asserts what the caller gets, how many
 * calls went upstream and in what order. Times are only asserted where they are the point (a wait for
 * Retry-After), as lower bounds read from WireMock's own request log, or as generous upper bounds; the deadline
 * here (10 s) is far beyond what any case needs, so a busy machine cannot turn a pass into a 504 ({@link
 * DeadlineTest} checks the deadline itself). All logging is captured at DEBUG meanwhile, and must never contain
 * the key.
 */
@QuarkusTest
@TestProfile(UpstreamProfile.class)
class FaultSuiteTest {

    static final long DEADLINE_MS = UpstreamProfile.DEADLINE_MS;
    static final long READ_TIMEOUT_MS = UpstreamProfile.READ_TIMEOUT_MS;
    static final String PAGE = "{\"data\": [{\"id\": \"1\", \"uri\": \"s3://b/1/\", \"status\": \"Failed\"}]}";
    static final List<String> LOGGED = new CopyOnWriteArrayList<>();
    static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder text = new StringBuilder(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object p : record.getParameters()) {
                    text.append(' ').append(p);
                }
            }
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                text.append(' ').append(t);
            }
            LOGGED.add(text.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    static WireMockServer elsewhere;
    WireMockServer pinecone;

    @BeforeAll
    static void captureLogsAndStartAnotherHost() {
        CAPTURE.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(CAPTURE);
        elsewhere = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        elsewhere.start();
    }

    @AfterAll
    static void theKeyNeverAppearedInAnyLog() {
        Logger.getLogger("").removeHandler(CAPTURE);
        elsewhere.stop();
        assertTrue(LOGGED.size() > 10, "logging was captured: " + LOGGED.size());
        assertTrue(LOGGED.stream().anyMatch(l -> l.startsWith("Request: GET") && l.contains("Api-Key=***")),
                "the REST client logged its requests, the key masked");
        assertTrue(LOGGED.stream().anyMatch(l -> l.startsWith("Response: GET") && l.contains("Body:")),
                "and its responses");
        List<String> leaks = LOGGED.stream().filter(l -> l.contains(WireMockUpstream.SECRET_KEY)).toList();
        assertEquals(List.of(), leaks, "log records that carry the API key");
    }

    @Test
    void noAnswerHealthOrMetricCarriesTheKey() {
        List<String> outputs = new java.util.ArrayList<>();
        // Pinecone echoing the key in every way it could fail
        for (int status : new int[] { 400, 401, 403, 404, 429, 500, 503 }) {
            pinecone.resetAll();
            pinecone.stubFor(get(urlPathEqualTo("/bulk/imports"))
                    .willReturn(aResponse().withStatus(status).withHeader("Retry-After", "0")
                            .withBody("{\"code\": 16, \"message\": \"bad key " + WireMockUpstream.SECRET_KEY + "\"}")));
            outputs.add(given().get("/listImports").then().statusCode(greaterThanOrEqualTo(500)).extract()
                    .asString());
        }
        pinecone.resetAll();
        pinecone.stubFor(get(urlPathEqualTo("/bulk/imports"))
                .willReturn(okJson("{\"data\": [{\"id\": \"" + WireMockUpstream.SECRET_KEY)));
        outputs.add(given().get("/listImports").then().statusCode(502).extract().asString());
        outputs.add(given().queryParam("status", WireMockUpstream.SECRET_KEY.substring(0, 12)).get("/listImports")
                .then().statusCode(400).extract().asString());
        for (String path : List.of("/q/metrics", "/q/health", "/q/health/live", "/q/health/ready")) {
            outputs.add(given().get(path).then().extract().asString());
        }
        assertTrue(outputs.get(outputs.size() - 4).contains("pinecone_upstream_requests_total"),
                "the metrics were read");
        for (String output : outputs) {
            assertFalse(output.contains(WireMockUpstream.SECRET_KEY), output);
        }
    }

    @BeforeEach
    void reset() {
        pinecone = WireMockUpstream.server();
        pinecone.resetAll();
        elsewhere.resetAll();
    }

    @Test
    void throttledWithRetryAfterSecondsThenServed() {
        throttledOnceThenServed("1");
        List<Long> at = requestTimes();
        // WireMock stamps whole milliseconds: allow one either side
        assertTrue(at.get(1) - at.get(0) >= 999,
                "waited the second Retry-After asked for: " + (at.get(1) - at.get(0)) + " ms");
    }

    @Test
    void throttledWithRetryAfterHttpDateThenServed() {
        ZonedDateTime notBefore = ZonedDateTime.now().plusSeconds(2).withNano(0);
        throttledOnceThenServed(DateTimeFormatter.RFC_1123_DATE_TIME.format(notBefore));
        long retried = requestTimes().get(1);
        assertTrue(retried >= notBefore.toInstant().toEpochMilli() - 1, "retried no earlier than the HTTP date: "
                + (notBefore.toInstant().toEpochMilli() - retried) + " ms early");
    }

    private void throttledOnceThenServed(String retryAfter) {
        pinecone.stubFor(get(urlPathEqualTo("/bulk/imports")).inScenario("throttle")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", retryAfter))
                .willSetStateTo("served"));
        pinecone.stubFor(get(urlPathEqualTo("/bulk/imports")).inScenario("throttle").whenScenarioStateIs("served")
                .willReturn(okJson(PAGE)));
        given().get("/listImports").then().statusCode(200).body("data[0].id", equalTo("1"));
        assertEquals(2, calls());
    }

    @Test
    void a503StormEndsIncompleteAfterBoundedRetries() {
        pinecone.stubFor(get(urlPathEqualTo("/bulk/imports"))
                .willReturn(aResponse().withStatus(503).withBody("overloaded")));
        long took = timed(() -> given().get("/listImports").then().statusCode(502)
                .body("incomplete", equalTo(true)).body("upstreamStatus", equalTo(503))
                .body("message", containsString("Pinecone failed to answer (503)")));
        assertEquals(5, calls(), "one call and four retries");
        assertTrue(took < DEADLINE_MS + READ_TIMEOUT_MS, took + " ms");
    }

    @Test
    void aConnectionResetIsRetried() {
        pinecone.stubFor(get(urlPathEqualTo("/bulk/imports")).inScenario("reset").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
        pinecone.stubFor(get(urlPathEqualTo("/bulk/imports")).inScenario("reset").whenScenarioStateIs("ok")
                .willReturn(okJson(PAGE)));
        given().get("/listImports").then().statusCode(200).body("data.size()", equalTo(1));
        assertEquals(2, calls());
    }

    @Test
    void aTimeoutIsRetriedThenReported() {
        pinecone.stubFor(get(urlPathEqualTo("/bulk/imports")).willReturn(okJson(PAGE).withFixedDelay(1_500)));
        given().get("/listImports").then().statusCode(502).body("incomplete", equalTo(true))
                .body("message", containsString("Could not reach Pinecone"));
        assertEquals(5, calls(), "one call and four retries, each cut by the read timeout");
    }

    @Test
    void anAnswerThatStallsAfterItsHeadersIsCutAndRetried() {
        // the headers and the first bytes at once, the rest a minute later: the wait for the whole answer is bounded
        pinecone.stubFor(get(urlPathEqualTo("/bulk/imports")).inScenario("stall").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(PAGE).withChunkedDribbleDelay(4, 60_000)).willSetStateTo("ok"));
        pinecone.stubFor(get(urlPathEqualTo("/bulk/imports")).inScenario("stall").whenScenarioStateIs("ok")
                .willReturn(okJson(PAGE)));
        given().get("/listImports").then().statusCode(200).body("data.size()", equalTo(1));
        assertEquals(2, calls(), "the stalled call, then its retry");
    }

    @Test
    void truncatedJsonIsAnAnomalyNotRetried() {
        pinecone.stubFor(get(urlPathEqualTo("/bulk/imports"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"data\": [{\"id\": \"1\"")));
        given().get("/listImports").then().statusCode(502).body("message", containsString("malformed JSON"));
        assertEquals(1, calls());
    }

    @Test
    void aNonJsonAnswerIsAnAnomaly() {
        pinecone.stubFor(get(urlPathEqualTo("/bulk/imports"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                        .withBody("<html>login</html>")));
        given().get("/listImports").then().statusCode(502).body("message", containsString("not a JSON object"));
        assertEquals(1, calls());
    }

    @Test
    void aBodyOverTheCapIsRefused() {
        String huge = "{\"data\": [], \"padding\": \"" + "x".repeat(5 * 1024 * 1024) + "\"}";
        pinecone.stubFor(get(urlPathEqualTo("/bulk/imports")).willReturn(okJson(huge)));
        given().get("/listImports").then().statusCode(502).body("message", containsString("cap"));
        assertEquals(1, calls());
    }

    @Test
    void aTokenLoopIsCaught() {
        pinecone.stubFor(get(urlPathEqualTo("/bulk/imports")).willReturn(okJson(
                "{\"data\": [], \"pagination\": {\"next\": \"same+token/=\"}}")));
        given().queryParam("all", true).get("/listImports").then().statusCode(502)
                .body("message", containsString("repeated a pagination token"));
        assertEquals(2, calls());
    }

    @Test
    void aRedirectToAnotherHostIsNotFollowedAndTheKeyStaysHome() {
        pinecone.stubFor(get(urlPathEqualTo("/bulk/imports")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://127.0.0.1:" + elsewhere.port() + "/bulk/imports")));
        given().get("/listImports").then().statusCode(502).body("upstreamStatus", equalTo(302))
                .body(not(containsString(WireMockUpstream.SECRET_KEY)));
        assertEquals(1, calls());
        elsewhere.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void clientErrorsAreNeverRetried() {
        for (int status : new int[] { 400, 401, 403, 404 }) {
            pinecone.resetAll();
            pinecone.stubFor(get(urlPathEqualTo("/bulk/imports")).willReturn(aResponse().withStatus(status)
                    .withBody("{\"code\": 3, \"message\": \"no\"}").withHeader("Content-Type", "application/json")));
            ValidatableResponse response = given().get("/listImports").then().statusCode(502);
            response.body("upstreamStatus", equalTo(status));
            assertEquals(1, calls(), "status " + status);
        }
    }

    private int calls() {
        return pinecone.getAllServeEvents().size();
    }

    /** When WireMock received each request, oldest first, in epoch milliseconds. */
    private List<Long> requestTimes() {
        return pinecone.getAllServeEvents().stream().map(e -> e.getRequest().getLoggedDate().getTime()).sorted()
                .toList();
    }

    private static long timed(Runnable call) {
        long started = System.nanoTime();
        call.run();
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }
}
