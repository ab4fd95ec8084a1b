package io.github.pineconeimports.knative;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.pineconeimports.function.knative.ListImportsEvents;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The Knative build: CloudEvents in binary and structured mode at {@code /}, as a PingSource or a Trigger
 * delivers them, answered with a {@code listImports.output} CloudEvent when imports were found and a
 * {@code listImports.empty} one when not; a finish window ends at the event's time unless the input says asOf.
 * Runs with {@code -Pknative}.
 */
@QuarkusTest
public class CloudEventsTest {

    static final String INPUT = "{\"status\": [\"Failed\"], \"all\": true}";

    @Test
    void blankOrRepeatedFieldsInAnEventAreRefusedNotWidened() {
        for (String[] refused : new String[][] { { "{\"status\": \"\"}", "status" }, { "{\"status\": []}", "status" },
                { "{\"finishedWithin\": \"PT15M\", \"finishedWithin\": \"P1D\"}", "finishedWithin" } }) {
            given().header("ce-id", "evt-0").header("ce-specversion", "1.0")
                    .header("ce-type", "dev.knative.sources.ping")
                    .header("ce-source", "test").contentType("application/json").body(refused[0])
                    .post("/").then().statusCode(400).body("field", equalTo(refused[1]));
        }
    }

    @Test
    void anEventTimeBeyondTheRangeEndsNoWindow() {
        given().header("ce-id", "evt-4").header("ce-specversion", "1.0").header("ce-type", "dev.knative.sources.ping")
                .header("ce-source", "test").header("ce-time", "+999999999-12-31T23:59:59Z")
                .contentType("application/json").body("{\"finishedWithin\": \"PT15M\"}").post("/").then()
                .statusCode(400).body("field", equalTo("time"));
    }

    @Test
    void aKeyGivenTwiceInAStructuredEventIsRefused() {
        String event = "{\"specversion\": \"1.0\", \"id\": \"evt-3\", \"source\": \"test\", \"type\": \"listImports\","
                + " \"datacontenttype\": \"application/json\", \"data\": {\"limit\": 1, \"limit\": 50}}";
        given().contentType("application/cloudevents+json").body(event).post("/").then().statusCode(400)
                .body("field", equalTo("limit"));
    }

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

    static final String SCHEDULED = "{\"status\": [\"Failed\", \"Cancelled\"], \"finishedWithin\": \"PT15M\","
            + " \"all\": true}";

    @Test
    void aPingWhoseWindowHoldsNothingGetsTheEmptyType() {
        // the ping's time is the window's end: fifteen minutes of 2001 hold no import
        ping("2001-01-01T00:15:00Z", SCHEDULED).then().statusCode(200)
                .header("ce-type", ListImportsEvents.NOTHING)
                .header("ce-source", ListImportsEvents.SOURCE)
                .body("data.size()", equalTo(0))
                .body("summary.finishedSince", equalTo("2001-01-01T00:00:00Z"))
                .body("summary.finishedUntil", equalTo("2001-01-01T00:15:00Z"));
    }

    @Test
    void aPingWhoseWindowHoldsFailedImportsGetsTheFoundType() {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        ping(now, SCHEDULED.replace("PT15M", "P30D")).then().statusCode(200)
                .header("ce-type", ListImportsEvents.FOUND)
                .body("data.size()", greaterThan(0))
                .body("data.status", everyItem(in(List.of("Failed", "Cancelled"))))
                .body("summary.finishedUntil", equalTo(now));
    }

    @Test
    void anAsOfInTheDataWinsOverTheEventTime() {
        ping("2001-01-01T00:15:00Z", SCHEDULED.replace("\"all\"", "\"asOf\": \"2002-02-02T02:00:00Z\", \"all\"")).then()
                .statusCode(200).body("summary.finishedUntil", equalTo("2002-02-02T02:00:00Z"));
    }

    @Test
    void structuredEventsAreTypedTheSameWay() {
        String empty = "{\"specversion\": \"1.0\", \"id\": \"evt-5\", \"source\": \"/pingsources/imports\","
                + " \"type\": \"dev.knative.sources.ping\","
                + " \"time\": \"2001-01-01T00:15:00Z\", \"datacontenttype\": \"application/json\","
                + " \"data\": " + SCHEDULED + "}";
        given().contentType("application/cloudevents+json").body(empty).post("/").then().statusCode(200)
                .body("type", equalTo(ListImportsEvents.NOTHING))
                .body("data.data.size()", equalTo(0))
                .body("data.summary.finishedUntil", equalTo("2001-01-01T00:15:00Z"));
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        given().contentType("application/cloudevents+json")
                .body(empty.replace("PT15M", "P30D").replace("2001-01-01T00:15:00Z", now))
                .post("/").then().statusCode(200)
                .body("type", equalTo(ListImportsEvents.FOUND))
                .body("data.data.size()", greaterThan(0));
    }

    private static io.restassured.response.Response ping(String time, String data) {
        return given().header("ce-id", "ping-" + time).header("ce-specversion", "1.0")
                .header("ce-type", "dev.knative.sources.ping")
                .header("ce-source", "/apis/v1/namespaces/default/pingsources/failed-imports").header("ce-time", time)
                .contentType("application/json").body(data).post("/");
    }

    @Test
    void countsHaveATypeOfTheirOwnSoAPollIsNeverAnAlert() {
        ping("2001-01-01T00:15:00Z", "{\"counts\": true, \"finishedWithin\": \"PT15M\"}").then().statusCode(200)
                .header("ce-type", ListImportsEvents.COUNTS).body("matched.total", equalTo(0))
                .body("data", equalTo(null));
        ping(Instant.now().toString(), "{\"counts\": true, \"status\": \"Failed\"}").then().statusCode(200)
                .header("ce-type", ListImportsEvents.COUNTS).body("matched.byStatus.Failed", greaterThan(0));
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
