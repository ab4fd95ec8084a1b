package io.github.pineconeimports.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.github.pineconeimports.function.lambda.LambdaError;
import io.github.pineconeimports.support.AlertRules;
import io.restassured.path.json.JsonPath;

/**
 * The Lambda function invoked with the payloads AWS sends: a direct invocation (Step Functions, the CLI), an
 * EventBridge schedule's constant input, and events that do not fit. Pinecone is a WireMock server with two
 * pages. {@link LambdaInvocationsTest} runs these in test mode, {@link PackagedLambdaIT} against the artifact.
 */
abstract class LambdaInvocations {

    /** What the function answered: a result, or a Lambda error ({@code errorType}, {@code errorMessage}). */
    record Answer(boolean error, JsonPath json, String raw) {
    }

    // finished 00:05, 00:10, 00:20 and 00:14:59.999 on the first of November
    static final String PAGE_1 = "{\"data\": [" + item("1", "Failed", "00:05:00Z") + ","
            + item("2", "Completed", "00:10:00Z") + "],"
            + " \"pagination\": {\"next\": \"Tm8+/y==\"}}";
    static final String PAGE_2 = "{\"data\": [" + item("3", "Cancelled", "00:20:00Z") + ","
            + item("4", "Failed", "00:14:59.999Z") + "]}";

    // Quarkus' own Lambda loop (test mode) reports a failed function as Funqy's ApplicationException, whose message
    // starts with the cause's class, and an event refused while it is read as what was thrown; the packaged handler
    // and the native loop name each kind (LambdaError)
    static final String FUNQY_ERROR = "io.quarkus.funqy.runtime.ApplicationException";

    abstract WireMockServer pinecone();

    abstract Answer invoke(String event) throws Exception;

    abstract String apiKey();

    /** Whether failures come out under their kind's own errorType (the packaged function) or Funqy's one name. */
    abstract boolean namesErrors();

    /** A failed invocation of the given kind, whose message says {@code message}; never a stack trace. */
    void assertFailure(Answer answer, Class<? extends LambdaError> kind, String message) {
        assertTrue(answer.error(), answer.raw());
        String errorMessage = answer.json().getString("errorMessage");
        if (namesErrors()) {
            assertEquals(kind.getName(), answer.json().getString("errorType"), answer.raw());
            assertTrue(errorMessage.startsWith(message), answer.raw());
        } else {
            String type = answer.json().getString("errorType");
            assertTrue(type.equals(FUNQY_ERROR) || type.startsWith("io.github.pineconeimports.failure."),
                    answer.raw());
            assertTrue(errorMessage.contains(message), answer.raw());
        }
        assertFalse(answer.raw().contains("\tat "), "no stack trace in the answer");
    }

    @BeforeEach
    void twoPages() {
        pinecone().resetAll();
        pinecone().stubFor(get(urlPathEqualTo("/bulk/imports")).withQueryParam("paginationToken", absent())
                .willReturn(okJson(PAGE_1)));
        pinecone().stubFor(get(urlPathEqualTo("/bulk/imports"))
                .withQueryParam("paginationToken", WireMock.equalTo("Tm8+/y==")).willReturn(okJson(PAGE_2)));
    }

    @Test
    void directInvocation() throws Exception {
        Answer answer = invoke("{\"status\": \"Failed\", \"all\": true}");
        assertFalse(answer.error(), answer.raw());
        assertEquals(List.of("1", "4"), answer.json().getList("data.id"));
        assertEquals(2, answer.json().getInt("summary.pages"));
        assertEquals(1, answer.json().getInt("summary.byStatus.Cancelled"));
    }

    @Test
    void countsWithoutTheImports() throws Exception {
        // what the Step Functions waiter sends: counts of the matches by status, whatever their number
        Answer answer = invoke("{\"counts\": true, \"status\": [\"Failed\", \"Cancelled\"]}");
        assertFalse(answer.error(), answer.raw());
        assertEquals(3, answer.json().getInt("matched.total"));
        assertEquals(2, answer.json().getInt("matched.byStatus.Failed"));
        assertEquals(1, answer.json().getInt("matched.byStatus.Cancelled"));
        assertEquals(0, answer.json().getInt("matched.byStatus.Pending"));
        assertNull(answer.json().get("data"));
        assertEquals(2, answer.json().getInt("summary.pages"));
        Answer paged = invoke("{\"counts\": true, \"limit\": 10}");
        assertFailure(paged, LambdaError.InvalidInput.class, "limit: counts=true counts every match in one answer");
    }

    @Test
    void eventBridgeScheduleWithConstantInput() throws Exception {
        // what EventBridge delivers when the rule's target sets Input: that JSON, verbatim
        Answer answer = invoke("{\"status\": [\"Failed\", \"Cancelled\"], \"all\": true}");
        assertFalse(answer.error(), answer.raw());
        assertEquals(List.of("1", "3", "4"), answer.json().getList("data.id"));
    }

    @Test
    void functionUrlRequestsCarryTheFieldsInQueryOrBody() throws Exception {
        String get = "{\"version\": \"2.0\", \"routeKey\": \"$default\", \"rawPath\": \"/\","
                + " \"rawQueryString\": \"status=Failed&status=Cancelled&all=true\","
                + " \"queryStringParameters\": {\"status\": \"Failed,Cancelled\", \"all\": \"true\"},"
                + " \"requestContext\": {\"http\": {\"method\": \"GET\", \"path\": \"/\"}},"
                + " \"isBase64Encoded\": false}";
        Answer viaQuery = invoke(get);
        assertFalse(viaQuery.error(), viaQuery.raw());
        assertEquals(List.of("1", "3", "4"), viaQuery.json().getList("data.id"));
        String body = Base64.getEncoder().encodeToString("{\"status\": [\"Cancelled\"], \"all\": true}".getBytes());
        String post = "{\"version\": \"2.0\", \"rawPath\": \"/\","
                + " \"requestContext\": {\"http\": {\"method\": \"POST\"}},"
                + " \"body\": \"" + body + "\", \"isBase64Encoded\": true}";
        Answer viaBody = invoke(post);
        assertFalse(viaBody.error(), viaBody.raw());
        assertEquals(List.of("3"), viaBody.json().getList("data.id"));
        Answer typo = invoke(get.replace("all=true", "al=true"));
        assertTrue(typo.error() && typo.json().getString("errorMessage").contains("unknown field 'al'"), typo.raw());
    }

    @Test
    void aScheduledEventEnvelopeSaysToSetTheInput() throws Exception {
        String envelope = "{\"version\": \"0\", \"id\": \"53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa\","
                + " \"detail-type\": \"Scheduled Event\", \"source\": \"aws.events\", \"account\": \"123456789012\","
                + " \"time\": \"2026-11-28T12:00:00Z\", \"region\": \"eu-west-1\","
                + " \"resources\": [\"arn:aws:events:eu-west-1:123456789012:rule/failed-imports\"], \"detail\": {}}";
        assertFailure(invoke(envelope), LambdaError.InvalidInput.class,
                "detail-type: this is an EventBridge event envelope");
    }

    @Test
    void invalidInputIsAnErrorNamingTheField() throws Exception {
        assertFailure(invoke("{\"status\": [\"Broken\"]}"), LambdaError.InvalidInput.class,
                "status: unknown status 'Broken'");
    }

    @Test
    void theScheduleInputReportsWhatFinishedInItsWindow() throws Exception {
        // what the SAM schedule sends, with <aws.scheduler.scheduled-time> filled in: [00:00, 00:15)
        Answer answer = invoke("{\"status\": [\"Failed\", \"Cancelled\"], \"finishedWithin\": \"PT15M\","
                + " \"asOf\": \"2026-11-01T00:15:00Z\", \"all\": true}");
        assertFalse(answer.error(), answer.raw());
        assertEquals(List.of("1", "4"), answer.json().getList("data.id"), "3 was cancelled at 00:20, after the window");
        assertEquals("2026-11-01T00:00:00Z", answer.json().getString("summary.finishedSince"));
        assertEquals("2026-11-01T00:15:00Z", answer.json().getString("summary.finishedUntil"));
        assertFailure(invoke("{\"finishedWithin\": \"PT15M\", \"finishedSince\": \"2026-11-01T00:00:00Z\"}"),
                LambdaError.InvalidInput.class, "finishedWithin: ");
    }

    @Test
    void theAlertRulesFireOnRealAnswersOnly() throws Exception {
        AlertRules rules = new AlertRules();
        String schedule = "{\"status\": [\"Failed\", \"Cancelled\"], \"finishedWithin\": \"PT15M\","
                + " \"asOf\": \"%s\", \"all\": true}";
        String withFailures = String.format(schedule, "2026-11-01T00:15:00Z");
        Answer found = invoke(withFailures);
        assertEquals(List.of(AlertRules.FOUND), rules.matching(AlertRules.success(withFailures, found.raw())),
                found.raw());
        String quiet = String.format(schedule, "2026-11-02T00:15:00Z");
        Answer empty = invoke(quiet);
        assertEquals(List.of(), empty.json().getList("data"));
        assertEquals(List.of(), rules.matching(AlertRules.success(quiet, empty.raw())),
                "an empty answer raises no alert");
        pinecone().stubFor(get(urlPathEqualTo("/bulk/imports"))
                .willReturn(aResponse().withStatus(401).withBody("Invalid API Key")));
        Answer failed = invoke(withFailures);
        assertTrue(failed.error(), failed.raw());
        assertEquals(List.of(AlertRules.FAILED), rules.matching(AlertRules.failure(withFailures, failed.raw())),
                failed.raw());
    }

    @Test
    void eachKindOfFailureHasItsOwnName() throws Exception {
        pinecone().stubFor(get(urlPathEqualTo("/bulk/imports"))
                .willReturn(aResponse().withStatus(401).withBody("Invalid API Key")));
        assertFailure(invoke("{}"), LambdaError.UpstreamRejected.class,
                "Listing failed at the first page: Pinecone rejected the API key");
        pinecone().stubFor(get(urlPathEqualTo("/bulk/imports"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")));
        assertFailure(invoke("{}"), LambdaError.UpstreamThrottled.class,
                "Listing failed at the first page: Pinecone is rate-limiting");
        pinecone().stubFor(get(urlPathEqualTo("/bulk/imports")).willReturn(okJson("{\"data\": [")));
        assertFailure(invoke("{}"), LambdaError.UpstreamAnomaly.class,
                "Listing failed at the first page: Pinecone answered something");
        assertFailure(invoke("{\"limit\": 5, \"all\": true}"), LambdaError.InvalidInput.class, "limit: ");
    }

    static Stream<Arguments> hostileEvents() {
        return Stream.of(
                Arguments.of("{\"status\": [\"<script>\"]}", "status"),
                Arguments.of("{\"status\": \"Failed'; DROP TABLE x;--\"}", "status"),
                Arguments.of("{\"status\": \"F\\u0000\"}", "status"),
                Arguments.of("{\"limit\": \"99999999999\"}", "limit"),
                Arguments.of("{\"limit\": -3}", "limit"),
                Arguments.of("{\"limit\": 1.5}", "limit"),
                Arguments.of("{\"all\": \"yes\"}", "all"),
                Arguments.of("{\"paginationToken\": \"" + "A".repeat(5000) + "\"}", "paginationToken"),
                Arguments.of("{\"since\": \"yesterday\"}", "since"),
                Arguments.of("{\"__proto__\": {}}", "__proto__"),
                // present but blank, repeated, or out of range: refused, never a wider listing
                Arguments.of("{\"status\": \"\"}", "status"),
                Arguments.of("{\"status\": []}", "status"),
                Arguments.of("{\"since\": \" \"}", "since"),
                Arguments.of("{\"Status\": \"Failed\"}", "Status"),
                Arguments.of("{\"finishedWithin\": \"P9999999999999D\"}", "finishedWithin"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("hostileEvents")
    void hostileEventsAreErrorsNamingTheField(String event, String field) throws Exception {
        assertFailure(invoke(event), LambdaError.InvalidInput.class, field + ": ");
    }

    @Test
    void aKeyGivenTwiceOrContentAfterTheEventIsRefused() throws Exception {
        Answer twice = invoke("{\"limit\": 1, \"limit\": 50}");
        Answer trailing = invoke("{\"status\": \"Failed\"} {\"status\": \"Completed\"}");
        if (namesErrors()) {
            assertFailure(twice, LambdaError.InvalidInput.class, "limit: limit is given more than once");
            assertFailure(invoke("{\"status\": [\"Failed\"], \"status\": [\"Completed\"]}"),
                    LambdaError.InvalidInput.class,
                    "status: status is given more than once");
            assertFailure(trailing, LambdaError.InvalidInput.class, "body: content after the JSON object");
        } else {
            // Quarkus' loop in in-process tests reads the event before any code of ours runs: refused all the same, in
            // its own words
            assertTrue(twice.error() && twice.json().getString("errorMessage").contains("Could not deserialize"),
                    twice.raw());
            Answer listTwice = invoke("{\"status\": [\"Failed\"], \"status\": [\"Completed\"]}");
            assertTrue(listTwice.error()
                    && listTwice.json().getString("errorMessage").contains("Could not deserialize"), listTwice.raw());
            assertTrue(trailing.error() && trailing.json().getString("errorMessage").contains("Could not deserialize"),
                    trailing.raw());
        }
    }

    @Test
    void malformedEventIsAClearError() throws Exception {
        Answer answer = invoke("[1, 2, 3]");
        if (namesErrors()) {
            assertFailure(answer, LambdaError.InvalidInput.class, "body: expected a JSON object");
        } else {
            // Quarkus' loop reads the event before any code of ours runs
            assertTrue(answer.error() && answer.json().getString("errorMessage").contains("deserialize"), answer.raw());
        }
    }

    @Test
    void upstreamFailureIsAnErrorNotAShortList() throws Exception {
        pinecone().stubFor(get(urlPathEqualTo("/bulk/imports"))
                .withQueryParam("paginationToken", WireMock.equalTo("Tm8+/y=="))
                .willReturn(aResponse().withStatus(503)));
        Answer answer = invoke("{\"all\": true}");
        assertFailure(answer, LambdaError.UpstreamUnavailable.class, "Listing incomplete after 1 page");
        assertFalse(answer.raw().contains(apiKey()));
    }

    private static String item(String id, String status, String finishedAt) {
        return "{\"id\": \"" + id + "\", \"uri\": \"s3://b/" + id + "/\", \"status\": \"" + status
                + "\", \"createdAt\": \"2026-11-01T00:00:00Z\", \"finishedAt\": \"2026-11-01T" + finishedAt + "\"}";
    }
}
