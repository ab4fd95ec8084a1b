package io.github.pineconeimports.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.restassured.path.json.JsonPath;

/**
 * The Lambda function invoked with the payloads AWS sends: a direct invocation (Step Functions, the CLI), an
 * EventBridge schedule's constant input, and events that do not fit. Pinecone is a WireMock server with two
 * pages. {@link ListImportsLambdaTest} runs these in test mode, {@link PackagedLambdaIT} against the artifact.
 */
abstract class LambdaInvocations {

    /** What the function answered: a result, or a Lambda error ({@code errorType}, {@code errorMessage}). */
    record Answer(boolean error, JsonPath json, String raw) {
    }

    static final String PAGE_1 = "{\"data\": [" + item("1", "Failed") + "," + item("2", "Completed") + "],"
            + " \"pagination\": {\"next\": \"Tm8+/y==\"}}";
    static final String PAGE_2 = "{\"data\": [" + item("3", "Cancelled") + "," + item("4", "Failed") + "]}";

    // Funqy reports every failure as its ApplicationException; the message starts with the cause's class, which
    // a Step Functions Choice can match on ($.error.Cause)
    static final String FUNQY_ERROR = "io.quarkus.funqy.runtime.ApplicationException";
    static final String INVALID_INPUT = "io.github.pineconeimports.imports.InvalidQueryException";
    static final String LISTING_FAILED = "io.github.pineconeimports.imports.ListingFailedException";

    abstract WireMockServer pinecone();

    abstract Answer invoke(String event) throws Exception;

    abstract String apiKey();

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
                + " \"requestContext\": {\"http\": {\"method\": \"GET\", \"path\": \"/\"}}, \"isBase64Encoded\": false}";
        Answer viaQuery = invoke(get);
        assertFalse(viaQuery.error(), viaQuery.raw());
        assertEquals(List.of("1", "3", "4"), viaQuery.json().getList("data.id"));
        String body = java.util.Base64.getEncoder().encodeToString("{\"status\": [\"Cancelled\"], \"all\": true}".getBytes());
        String post = "{\"version\": \"2.0\", \"rawPath\": \"/\", \"requestContext\": {\"http\": {\"method\": \"POST\"}},"
                + " \"body\": \"" + body + "\", \"isBase64Encoded\": true}";
        Answer viaBody = invoke(post);
        assertFalse(viaBody.error(), viaBody.raw());
        assertEquals(List.of("3"), viaBody.json().getList("data.id"));
        Answer typo = invoke(get.replace("\"all\": \"true\"", "\"al\": \"true\""));
        assertTrue(typo.error() && typo.json().getString("errorMessage").contains("unknown field 'al'"), typo.raw());
    }

    @Test
    void aScheduledEventEnvelopeSaysToSetTheInput() throws Exception {
        String envelope = "{\"version\": \"0\", \"id\": \"53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa\","
                + " \"detail-type\": \"Scheduled Event\", \"source\": \"aws.events\", \"account\": \"123456789012\","
                + " \"time\": \"2026-11-28T12:00:00Z\", \"region\": \"eu-west-1\","
                + " \"resources\": [\"arn:aws:events:eu-west-1:123456789012:rule/failed-imports\"], \"detail\": {}}";
        Answer answer = invoke(envelope);
        assertTrue(answer.error(), answer.raw());
        assertTrue(answer.json().getString("errorMessage").startsWith(INVALID_INPUT), answer.raw());
        assertTrue(answer.json().getString("errorMessage").contains("EventBridge event envelope"), answer.raw());
    }

    @Test
    void invalidInputIsAnErrorNamingTheField() throws Exception {
        Answer answer = invoke("{\"status\": [\"Broken\"]}");
        assertTrue(answer.error(), answer.raw());
        assertEquals(FUNQY_ERROR, answer.json().getString("errorType"));
        assertTrue(answer.json().getString("errorMessage").startsWith(INVALID_INPUT + ": status: unknown status 'Broken'"),
                answer.raw());
        assertFalse(answer.raw().contains("\tat "), "no stack trace in the answer");
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> hostileEvents() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("{\"status\": [\"<script>\"]}", "status"),
                org.junit.jupiter.params.provider.Arguments.of("{\"status\": \"Failed'; DROP TABLE x;--\"}", "status"),
                org.junit.jupiter.params.provider.Arguments.of("{\"status\": \"F\\u0000\"}", "status"),
                org.junit.jupiter.params.provider.Arguments.of("{\"limit\": \"99999999999\"}", "limit"),
                org.junit.jupiter.params.provider.Arguments.of("{\"limit\": -3}", "limit"),
                org.junit.jupiter.params.provider.Arguments.of("{\"limit\": 1.5}", "limit"),
                org.junit.jupiter.params.provider.Arguments.of("{\"all\": \"yes\"}", "all"),
                org.junit.jupiter.params.provider.Arguments.of("{\"paginationToken\": \"" + "A".repeat(5000) + "\"}", "paginationToken"),
                org.junit.jupiter.params.provider.Arguments.of("{\"since\": \"yesterday\"}", "since"),
                org.junit.jupiter.params.provider.Arguments.of("{\"__proto__\": {}}", "__proto__"),
                org.junit.jupiter.params.provider.Arguments.of("{\"status\": [\"Failed\"], \"status\": [\"Bogus\"]}", "status"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("hostileEvents")
    void hostileEventsAreErrorsNamingTheField(String event, String field) throws Exception {
        Answer answer = invoke(event);
        assertTrue(answer.error(), answer.raw());
        assertTrue(answer.json().getString("errorMessage").startsWith(INVALID_INPUT + ": " + field + ": "), answer.raw());
        assertFalse(answer.raw().contains("\tat "), "no stack trace in the answer");
    }

    @Test
    void malformedEventIsAClearError() throws Exception {
        Answer answer = invoke("[1, 2, 3]");
        assertTrue(answer.error(), answer.raw());
        assertNotNull(answer.json().getString("errorMessage"));
        assertTrue(answer.json().getString("errorMessage").contains("deserialize"), answer.raw());
        assertFalse(answer.raw().contains("\tat "), "no stack trace in the answer");
    }

    @Test
    void upstreamFailureIsAnErrorNotAShortList() throws Exception {
        pinecone().stubFor(get(urlPathEqualTo("/bulk/imports"))
                .withQueryParam("paginationToken", WireMock.equalTo("Tm8+/y==")).willReturn(aResponse().withStatus(503)));
        Answer answer = invoke("{\"all\": true}");
        assertTrue(answer.error(), answer.raw());
        assertEquals(FUNQY_ERROR, answer.json().getString("errorType"));
        assertTrue(answer.json().getString("errorMessage").startsWith(LISTING_FAILED + ": Listing incomplete after 1 page"),
                answer.raw());
        assertFalse(answer.raw().contains(apiKey()));
    }

    private static String item(String id, String status) {
        return "{\"id\": \"" + id + "\", \"uri\": \"s3://b/" + id + "/\", \"status\": \"" + status
                + "\", \"createdAt\": \"2026-11-01T00:00:00Z\"}";
    }
}
