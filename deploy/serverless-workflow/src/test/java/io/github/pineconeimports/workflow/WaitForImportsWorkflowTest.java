package io.github.pineconeimports.workflow;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * wait-for-imports.sw.json, run by SonataFlow: it calls the product's packaged function through deploy/openapi.yaml,
 * against the emulator, whose clock moves one step per listing. Around each batch the emulator holds its 250 older
 * imports, some still running and many failed, all created before the batch: they must change nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = ProductFunction.class, restrictToAnnotatedClass = true)
class WaitForImportsWorkflowTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    WorkflowOutcomes outcomes;

    @Test
    void theBatchSettlesAndTheWorkflowEndsDoneAfterWaiting() throws Exception {
        String since = startBatch("s3://acme/batch-a/", "s3://acme/batch-b/");

        JsonNode end = run(Map.of("since", since));

        assertEquals("ImportsDone", end.path("outcome").asText(), end.toString());
        // each poll sees 6 more minutes; an import takes 11: polled at 6 minutes, then, after a pause, at 12
        assertEquals(2, end.path("polls").asInt(), end.toString());
        assertEquals(2, end.path("imports").path("matched").path("total").asInt());
        assertEquals(2, end.path("imports").path("matched").path("byStatus").path("Completed").asInt());
        assertTrue(end.path("imports").path("scanned").asInt() >= 252, "the older imports were read too: " + end);
    }

    @Test
    void aFailedImportOfTheBatchEndsImportsFailed() throws Exception {
        String since = startBatch("s3://acme/batch-fail-a/", "s3://acme/batch-b/");

        JsonNode end = run(Map.of("since", since));

        assertEquals("ImportsFailed", end.path("outcome").asText(), end.toString());
        assertEquals(2, end.path("polls").asInt(), "a failing import ends at 7 minutes, seen by the poll at 12: " + end);
        assertEquals("Of 2 imports created since " + since + ", 1 ended Failed and 0 Cancelled (0 still Pending or InProgress)",
                end.path("cause").asText());
    }

    @Test
    void badInputEndsInvalidInput() throws Exception {
        // refused by the workflow itself (no since: the batch would be the whole index), by the function (a 400 naming
        // the field), or before the call by the client made from the OpenAPI file
        for (Map<String, Object> input : List.<Map<String, Object>>of(Map.of(), Map.of("since", " "),
                Map.of("since", "2026-11-29T12:00:00Z", "index", "Not_An_Index"), Map.of("since", "yesterday"))) {
            JsonNode end = run(input);

            assertEquals("InvalidInput", end.path("outcome").asText(), input + " ended " + end);
        }
    }

    /** Starts imports on the emulator (they are created at its current time) and returns that time. */
    private static String startBatch(String... uris) {
        List<String> ids = new ArrayList<>();
        for (String uri : uris) {
            ids.add(given().baseUri(ProductFunction.url()).header("Api-Key", ProductFunction.KEY).contentType(ContentType.JSON)
                    .body(Map.of("uri", uri)).post("/bulk/imports").then().statusCode(200).extract().path("id"));
        }
        return given().baseUri(ProductFunction.url()).header("Api-Key", ProductFunction.KEY).get("/bulk/imports/" + ids.get(0))
                .then().statusCode(200).extract().path("createdAt");
    }

    /** Starts an instance and waits, on its end and for a minute at most, for the data it ended with. */
    private JsonNode run(Map<String, Object> input) throws Exception {
        String id = given().contentType(ContentType.JSON).body(input).post("/waitforimports").then().statusCode(201)
                .extract().path("id");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (outcomes.of(id) == null) {
            assertTrue(System.nanoTime() < deadline, "the workflow did not end within a minute");
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return JSON.valueToTree(outcomes.of(id));
    }
}
