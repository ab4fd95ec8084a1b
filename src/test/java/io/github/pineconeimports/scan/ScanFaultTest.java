package io.github.pineconeimports.scan;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.github.pineconeimports.support.ManualClock;
import io.github.pineconeimports.support.Scrape;
import io.github.pineconeimports.support.UpstreamProfile;
import io.github.pineconeimports.support.WireMockUpstream;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A scan that fails halfway publishes nothing: with the first page read and the second failing (after retries, as
 * an upstream loop, as a rejected key), every import metric stays what the last complete scan set, and only the scan
 * metrics say it failed. The next complete scan moves every metric at once.
 */
@QuarkusTest
@TestProfile(UpstreamProfile.class)
class ScanFaultTest {

    static final ScanSettings SETTINGS = new ScanSettings(Duration.ofMinutes(1), List.of());

    @Inject
    ImportScan scan;

    @Inject
    ManualClock clock;

    @Test
    void aScanThatFailsHalfwayChangesNoImportMetric() {
        WireMockServer wireMock = WireMockUpstream.server();
        wireMock.resetAll();
        Instant midnight = clock.instant().truncatedTo(ChronoUnit.DAYS);
        String before = page(List.of(imported("1", "Completed", midnight.plusSeconds(600)),
                imported("2", "InProgress", null), imported("3", "Failed", midnight.plusSeconds(900))), "p2");
        String after = page(List.of(imported("1", "Completed", midnight.plusSeconds(600)),
                imported("2", "Completed", midnight.plusSeconds(1200)),
                imported("3", "Failed", midnight.plusSeconds(900)),
                imported("4", "Failed", midnight.plusSeconds(1500))), "p2");
        String second = page(List.of(imported("5", "Pending", null),
                imported("6", "Cancelled", midnight.plusSeconds(60))), null);
        firstPage(wireMock, before);
        secondPage(wireMock, okJson(second));
        assertEquals("success", scan.scan(SETTINGS));
        Map<String, Double> complete = importMetrics();
        String index = "{index=\"127.0.0.1:" + wireMock.port() + "\",status=";
        assertEquals(1.0, complete.get("pinecone_imports" + index + "\"Pending\"}"), "the second page was read");
        assertEquals(1.0, complete.get("pinecone_imports_finished_total" + index + "\"Completed\"}"));

        // the first page now holds two more finished imports; the second fails, in three ways
        firstPage(wireMock, after);
        Map<String, ResponseDefinitionBuilder> faults = Map.of(
                "upstream_unavailable", aResponse().withStatus(503),
                "upstream_anomaly", okJson(page(List.of(imported("5", "Pending", null)), "p2")),
                "upstream_rejected", aResponse().withStatus(401).withHeader("Content-Type", "text/plain")
                        .withBody("Invalid API Key"));
        for (Map.Entry<String, ResponseDefinitionBuilder> fault : faults.entrySet()) {
            secondPage(wireMock, fault.getValue());
            Double failures = Scrape.now().value("pinecone_imports_scans_total{outcome=\"" + fault.getKey() + "\"}");
            clock.advance(Duration.ofMinutes(1));
            assertEquals(fault.getKey(), scan.scan(SETTINGS));
            assertEquals(complete, importMetrics(), fault.getKey() + ": no import metric moved");
            Scrape scrape = Scrape.now();
            assertEquals(0.0, scrape.value("pinecone_imports_last_scan_success"));
            assertEquals((failures == null ? 0 : failures) + 1,
                    scrape.value("pinecone_imports_scans_total{outcome=\"" + fault.getKey() + "\"}"));
            assertEquals(clock.instant().toEpochMilli() / 1000.0,
                    scrape.value("pinecone_imports_last_scan_timestamp_seconds"));
            assertFalse(scrape.text().contains(WireMockUpstream.SECRET_KEY));
        }

        secondPage(wireMock, okJson(second));
        assertEquals("success", scan.scan(SETTINGS));
        Map<String, Double> moved = importMetrics();
        assertNotEquals(complete, moved);
        assertEquals(2.0, moved.get("pinecone_imports_finished_total" + index + "\"Completed\"}"));
        assertEquals(2.0, moved.get("pinecone_imports_finished_total" + index + "\"Failed\"}"));
        assertEquals(1.0, moved.get("pinecone_imports_finished_total" + index + "\"Cancelled\"}"));
        assertEquals(0.0, moved.get("pinecone_imports" + index + "\"InProgress\"}"));
        assertEquals(1.0, Scrape.now().value("pinecone_imports_last_scan_success"));
    }

    /** The metrics about imports (not about scans or calls). */
    private static Map<String, Double> importMetrics() {
        Scrape scrape = Scrape.now();
        Map<String, Double> out = new java.util.TreeMap<>(scrape.startingWith("pinecone_imports{"));
        out.putAll(scrape.startingWith("pinecone_imports_finished_total{"));
        out.putAll(scrape.startingWith("pinecone_imports_oldest_running_age_seconds{"));
        assertEquals(6 + 4 + 1, out.size(), "every series of one index: " + out);
        return out;
    }

    private static void firstPage(WireMockServer wireMock, String body) {
        wireMock.stubFor(get(urlPathEqualTo("/bulk/imports")).withQueryParam("paginationToken", absent())
                .willReturn(okJson(body)));
    }

    private static void secondPage(WireMockServer wireMock, ResponseDefinitionBuilder answer) {
        wireMock.stubFor(get(urlPathEqualTo("/bulk/imports")).withQueryParam("paginationToken", equalTo("p2"))
                .willReturn(answer));
    }

    private static String page(List<String> imports, String next) {
        return "{\"data\": [" + String.join(", ", imports) + "]"
                + (next == null ? "" : ", \"pagination\": {\"next\": \"" + next + "\"}") + "}";
    }

    private static String imported(String id, String status, Instant finishedAt) {
        return "{\"id\": \"" + id + "\", \"uri\": \"s3://b/" + id + "/\", \"status\": \"" + status
                + "\", \"createdAt\": \"2026-11-21T08:00:00Z\""
                + (finishedAt == null ? "" : ", \"finishedAt\": \"" + finishedAt + "\"") + "}";
    }
}
