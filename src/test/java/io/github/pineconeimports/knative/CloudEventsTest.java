package io.github.pineconeimports.knative;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.greaterThan;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The Knative build: CloudEvents in binary and structured mode at {@code /}, as a PingSource or a Trigger
 * delivers them, answered with a {@code listImports.output} CloudEvent. Runs with {@code -Pknative}.
 */
@QuarkusTest
public class CloudEventsTest {

    static final String INPUT = "{\"status\": [\"Failed\"], \"all\": true}";

    @Test
    void binaryModeEventInCloudEventOut() {
        given().header("ce-id", "evt-1").header("ce-specversion", "1.0").header("ce-type", "dev.knative.sources.ping")
                .header("ce-source", "/apis/v1/namespaces/default/pingsources/failed-imports")
                .contentType("application/json").body(INPUT)
                .post("/").then().statusCode(200)
                .header("ce-type", "listImports.output")
                .header("ce-source", "listImports")
                .header("ce-specversion", "1.0")
                .header("ce-id", notNullValue())
                .body("data.status", everyItem(equalTo("Failed")))
                .body("data.size()", greaterThan(0))
                .body("pagination", equalTo(null));
    }

    @Test
    void structuredModeEventInCloudEventOut() {
        String event = "{\"specversion\": \"1.0\", \"id\": \"evt-2\", \"source\": \"test\", \"type\": \"listImports\","
                + " \"datacontenttype\": \"application/json\", \"data\": " + INPUT + "}";
        given().contentType("application/cloudevents+json").body(event)
                .post("/").then().statusCode(200)
                .body("type", equalTo("listImports.output"))
                .body("specversion", equalTo("1.0"))
                .body("data.data.status", everyItem(equalTo("Failed")))
                .body("data.summary.scanned", greaterThan(0));
    }

    @Test
    void badDataIsAClear400() {
        given().header("ce-id", "evt-3").header("ce-specversion", "1.0").header("ce-type", "listImports")
                .header("ce-source", "test").contentType("application/json").body("{\"status\": [\"Broken\"]}")
                .post("/").then().statusCode(400)
                .body("error", equalTo("invalid_input")).body("field", equalTo("status"))
                .body("message", containsString("unknown status 'Broken'"));
        given().header("ce-id", "evt-4").header("ce-specversion", "1.0").header("ce-type", "listImports")
                .header("ce-source", "test").contentType("application/json").body("{\"limit\": \"lots\"}")
                .post("/").then().statusCode(400).body("field", equalTo("limit"));
    }

    @Test
    void plainHttpStillWorks() {
        given().queryParam("status", "Cancelled").queryParam("limit", 2).get("/listImports").then().statusCode(200)
                .body("data.size()", equalTo(2)).body("data.status", everyItem(equalTo("Cancelled")));
    }
}
