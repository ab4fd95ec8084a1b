package io.github.pineconeimports.function;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.github.pineconeimports.support.Emulator;
import io.quarkus.test.junit.QuarkusTest;

/** Liveness, readiness from configuration only, and Prometheus metrics of the upstream work. */
@QuarkusTest
class HealthAndMetricsTest {

    @Test
    void liveAndReadyWhenConfigured() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'pinecone-configuration' }.data.indexHost", equalTo("localhost"));
    }

    @Test
    void metricsCountPagesCallsAndStatusesAndNeverShowTheKey() {
        double pagesBefore = metric("pinecone_pages_fetched_total", "");
        double failedBefore = metric("pinecone_imports_seen_total", "status=\"Failed\"");
        int failed = given().queryParam("status", "Failed").queryParam("all", true).get("/listImports")
                .then().statusCode(200).extract().jsonPath().getInt("summary.byStatus.Failed");
        assertTrue(metric("pinecone_pages_fetched_total", "") - pagesBefore >= 3);
        assertTrue(metric("pinecone_imports_seen_total", "status=\"Failed\"") - failedBefore >= failed);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("pinecone_upstream_requests_total{outcome=\"200\"}"))
                .body(containsString("pinecone_upstream_latency_seconds_count"))
                .body(not(containsString(Emulator.KEY)));
    }

    private static double metric(String name, String labels) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{?[^}\\n]*" + Pattern.quote(labels)
                + "[^}\\n]*\\}? ([0-9.eE+-]+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
