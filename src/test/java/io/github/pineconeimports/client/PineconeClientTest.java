package io.github.pineconeimports.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.github.pineconeimports.failure.Failure;
import io.github.pineconeimports.failure.PineconeException;
import io.github.pineconeimports.support.Fixtures;
import io.github.pineconeimports.support.UpstreamProfile;
import io.github.pineconeimports.support.WireMockUpstream;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The REST client against fixtures served by WireMock: decoding, headers, token encoding, error mapping. */
@QuarkusTest
@TestProfile(UpstreamProfile.class)
class PineconeClientTest {

    @Inject
    PineconeClient client;

    @Inject
    ObjectMapper mapper;

    @Inject
    PineconeConfig config;

    WireMockServer wireMock;
    Connection connection;

    @BeforeEach
    void reset() {
        connection = Connection.of(config).withApiKey(config.apiKey().orElseThrow());
        wireMock = WireMockUpstream.server();
        wireMock.resetAll();
    }

    @Test
    void decodesCamelCaseWithAnyFractionDigitsAndOffsets() {
        serve("list-camel.json");
        ListImportsResponse page = client.listImports(connection, 100, null);
        assertEquals(3, page.data().size());
        ImportModel done = page.data().get(0).model();
        assertEquals("101", done.id());
        assertEquals("s3://bucket/a/", done.uri());
        assertEquals("Completed", done.status());
        assertEquals(Instant.parse("2025-01-10T08:00:00Z"), done.createdAt());
        assertEquals(Instant.parse("2025-01-10T08:20:31.500Z"), done.finishedAt());
        assertEquals(100.0, done.percentComplete());
        assertEquals(1_000_000L, done.recordsImported());
        ImportModel failed = page.data().get(1).model();
        assertEquals(Instant.parse("2025-01-10T09:00:00.123456789Z"), failed.createdAt());
        assertEquals(Instant.parse("2025-01-10T08:00:00.100Z"), failed.finishedAt(), "+02:00 is normalised to UTC");
        assertEquals(42.2, failed.percentComplete());
        assertEquals("Invalid parquet file", failed.error());
        ImportModel pending = page.data().get(2).model();
        assertEquals(Instant.parse("2025-01-10T15:30:00.120Z"), pending.createdAt());
        assertNull(pending.finishedAt(), "missing optional fields are null");
        assertNull(pending.percentComplete());
        assertNull(pending.recordsImported());
        assertNull(page.nextToken(), "no pagination block means last page");
    }

    @Test
    void theFactsAFilterReadsAgreeWithTheWholeImport() {
        for (String fixture : new String[] { "list-camel.json", "list-snake.json", "list-newer-api.json" }) {
            wireMock.resetAll();
            serve(fixture);
            for (ImportEntry entry : client.listImports(connection, 100, null).data()) {
                ImportModel model = entry.model();
                assertEquals(model.status(), entry.status(), fixture);
                assertEquals(model.createdAt(), entry.createdAt(), fixture);
                assertEquals(model.finishedAt(), entry.finishedAt(), fixture);
            }
        }
    }

    @Test
    void decodesSnakeCaseAliases() {
        serve("list-snake.json");
        ListImportsResponse page = client.listImports(connection, 100, null);
        ImportModel running = page.data().get(0).model();
        assertEquals(Instant.parse("2025-02-01T00:00:00Z"), running.createdAt());
        assertEquals(12.5, running.percentComplete());
        assertEquals(125L, running.recordsImported());
        ImportModel cancelled = page.data().get(1).model();
        assertEquals(Instant.parse("2025-02-01T01:00:00Z"), cancelled.createdAt(),
                "started_at is an alias of createdAt");
        assertEquals(Instant.parse("2025-02-01T01:30:00Z"), cancelled.finishedAt());
        assertNull(page.nextToken(), "an empty next means last page");
    }

    @Test
    void keepsUnknownStatusesAndFieldsVerbatim() throws Exception {
        serve("list-newer-api.json");
        ImportModel paused = client.listImports(connection, 100, null).data().get(0).model();
        assertEquals("Paused", paused.status());
        assertEquals("int-7", paused.extra().get("integrationId"));
        Map<?, ?> written = mapper.readValue(mapper.writeValueAsString(paused), Map.class);
        assertEquals("int-7", written.get("integrationId"), "unknown fields are written back out");
        assertEquals(Map.of("onError", "continue"), written.get("errorMode"));
        assertEquals("2026-04-01T00:00:00Z", written.get("createdAt"));
        assertFalse(written.containsKey("extra"));
    }

    @Test
    void sendsKeyAndVersionHeadersAndUrlEncodesTokens() {
        String token = "a+b/c==";
        wireMock.stubFor(get(urlPathEqualTo("/bulk/imports")).willReturn(okJson("{\"data\":[]}")));
        client.listImports(connection, 7, token);
        wireMock.verify(getRequestedFor(urlPathEqualTo("/bulk/imports"))
                .withHeader("Api-Key", equalTo(WireMockUpstream.SECRET_KEY))
                .withHeader("X-Pinecone-Api-Version", equalTo("2025-01"))
                .withHeader("User-Agent", matching("pinecone-imports/[0-9]+\\.[0-9]+\\.[0-9]+.*"))
                .withQueryParam("limit", equalTo("7"))
                .withQueryParam("paginationToken", equalTo(token)));
        String raw = wireMock.getAllServeEvents().get(0).getRequest().getUrl();
        assertTrue(raw.contains("a%2Bb"), "'+' must travel as %2B, or the server reads a space: " + raw);
    }

    @Test
    void plainText401BecomesATypedError() {
        wireMock.stubFor(get(urlPathEqualTo("/bulk/imports"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "text/plain")
                        .withBody("Invalid API Key")));
        PineconeException e = assertThrows(PineconeException.class, () -> client.listImports(connection, 100, null));
        assertEquals(401, e.httpStatus());
        assertNull(e.rpcCode());
        assertEquals("Pinecone rejected the API key (401): Invalid API Key", e.getMessage());
    }

    @Test
    void rpcStatusBodyGivesCodeAndMessage() {
        wireMock.stubFor(get(urlPathEqualTo("/bulk/imports")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":3,\"message\":\"Invalid pagination token\",\"details\":[]}")));
        PineconeException e = assertThrows(PineconeException.class, () -> client.listImports(connection, 100, "x"));
        assertEquals(400, e.httpStatus());
        assertEquals(3, e.rpcCode());
        assertEquals("Invalid pagination token", e.upstreamMessage());
    }

    @Test
    void anEchoedKeyIsMaskedInErrors() {
        wireMock.stubFor(get(urlPathEqualTo("/bulk/imports")).willReturn(aResponse().withStatus(401)
                .withBody("Invalid API Key " + WireMockUpstream.SECRET_KEY)));
        PineconeException e = assertThrows(PineconeException.class, () -> client.listImports(connection, 100, null));
        assertFalse(e.getMessage().contains(WireMockUpstream.SECRET_KEY), e.getMessage());
        assertTrue(e.getMessage().endsWith("Invalid API Key ***"), e.getMessage());
    }

    @Test
    void maps404WithItsRpcStatus() {
        wireMock.stubFor(get(urlPathEqualTo("/bulk/imports")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":5,\"message\":\"Index not found\"}")));
        PineconeException e = assertThrows(PineconeException.class, () -> client.listImports(connection, 100, null));
        assertEquals(404, e.httpStatus());
        assertEquals(5, e.rpcCode());
        assertEquals(Failure.Kind.UPSTREAM_REJECTED, e.kind());
        assertEquals("Pinecone found no such index or import (404): Index not found", e.getMessage());
    }

    @Test
    void decodesTheControlPlaneErrorShapeToo() {
        wireMock.stubFor(get(urlPathEqualTo("/bulk/imports")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"Resource alpha not found\"},"
                        + "\"status\":404}")));
        PineconeException e = assertThrows(PineconeException.class, () -> client.listImports(connection, 100, null));
        assertEquals("Pinecone found no such index or import (404): NOT_FOUND: Resource alpha not found",
                e.getMessage());
    }

    @Test
    void aStartIsSentOnceEvenWhenPineconeFailsAndOnlyTheChosenFieldsGo() {
        wireMock.stubFor(post(urlPathEqualTo("/bulk/imports")).willReturn(aResponse().withStatus(503)));
        Failure failed = assertThrows(Failure.class, () -> client.startImport(connection,
                new StartImportRequest("s3://bucket/run/", null, null)));
        assertEquals(Failure.Kind.UPSTREAM_UNAVAILABLE, failed.kind());
        // not idempotent: a 503 after sending may have started it, and a retry would start it again
        wireMock.verify(1, postRequestedFor(urlPathEqualTo("/bulk/imports")));
        wireMock.verify(postRequestedFor(urlPathEqualTo("/bulk/imports"))
                .withRequestBody(equalToJson("{\"uri\": \"s3://bucket/run/\"}")));
        wireMock.stubFor(post(urlPathEqualTo("/bulk/imports")).willReturn(okJson("{\"id\": \"107\"}")));
        assertEquals("107", client.startImport(connection, new StartImportRequest("s3://bucket/run/", "int-1",
                new StartImportRequest.ErrorMode("continue"))));
        wireMock.verify(postRequestedFor(urlPathEqualTo("/bulk/imports")).withRequestBody(equalToJson(
                "{\"uri\": \"s3://bucket/run/\", \"integrationId\": \"int-1\","
                        + " \"errorMode\": {\"onError\": \"continue\"}}")));
        // an id that could not be printed or sent back is an answer we could not read: never passed on
        for (String id : List.of("\"\"", "\"run\\u001b[2J\"", "\"" + "7".repeat(1001) + "\"", "null")) {
            wireMock.stubFor(post(urlPathEqualTo("/bulk/imports")).willReturn(okJson("{\"id\": " + id + "}")));
            Failure unusable = assertThrows(Failure.class, () -> client.startImport(connection,
                    new StartImportRequest("s3://bucket/run/", null, null)), id);
            assertEquals(Failure.Kind.UPSTREAM_ANOMALY, unusable.kind(), id);
        }
    }

    @Test
    void aCancelIsRetriedAsAListingIs() {
        wireMock.stubFor(delete(urlPathEqualTo("/bulk/imports/7")).inScenario("cancel").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        wireMock.stubFor(delete(urlPathEqualTo("/bulk/imports/7")).inScenario("cancel")
                .whenScenarioStateIs("recovered").willReturn(okJson("{}")));
        client.cancelImport(connection, "7");
        wireMock.verify(2, deleteRequestedFor(urlPathEqualTo("/bulk/imports/7")));
    }

    private void serve(String fixture) {
        wireMock.stubFor(get(urlPathEqualTo("/bulk/imports")).willReturn(okJson(Fixtures.read(fixture))));
    }
}
