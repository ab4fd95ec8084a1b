package io.github.pineconeimports.emulator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.pineconeimports.support.Emulator;
import io.github.pineconeimports.support.ManualClock;
import io.github.pineconeimports.support.Walk;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The emulator behaves like Pinecone's bulk-import API. Its clock is the test's ({@link ManualClock}): started
 * imports move only when the test advances it (test profile: one tick is 100 ms).
 */
@QuarkusTest
@TestProfile(ManualClock.Profile.class)
class EmulatorTest {

    static final Duration TICK = Duration.ofMillis(100);

    @Inject
    EmulatorMount emulator;

    @Inject
    ManualClock clock;

    @BeforeEach
    void freshData() {
        emulator.store().reset(250, 42);
    }

    @Test
    void pagesLikePineconeWithBase64TokensThatNeedEncoding() {
        List<JsonPath> pages = Walk.pages(() -> pinecone().queryParam("limit", 7), "/bulk/imports", 100);
        List<String> ids = Walk.collect(pages, "id");
        for (JsonPath page : pages.subList(0, pages.size() - 1)) {
            String token = page.getString("pagination.next");
            assertTrue(token.contains("+") && token.contains("/") && token.endsWith("="), token);
        }
        assertEquals(36, pages.size());
        assertEquals(250, ids.size());
        assertEquals(250, new HashSet<>(ids).size());
        pinecone().get("/bulk/imports").then().statusCode(200).body("data", hasSize(100));
    }

    @Test
    void seedHasEveryStatus() {
        List<java.util.Map<String, Object>> all = Emulator.everything();
        for (String status : List.of("Pending", "InProgress", "Failed", "Completed", "Cancelled")) {
            assertTrue(!Emulator.idsWithStatus(all, status).isEmpty(), status);
        }
        assertTrue(all.stream().filter(i -> "Failed".equals(i.get("status"))).allMatch(i -> i.get("error") != null));
    }

    @Test
    void badArgumentsAreRpcStatus400s() {
        for (String limit : List.of("0", "101", "abc")) {
            pinecone().queryParam("limit", limit).get("/bulk/imports").then().statusCode(400)
                    .contentType(ContentType.JSON).body("code", equalTo(3)).body("message", containsString("limit"))
                    .body("details", hasSize(0));
        }
        pinecone().queryParam("paginationToken", "bm90LW91cnM=").get("/bulk/imports").then().statusCode(400)
                .body("code", equalTo(3)).body("message", containsString("pagination token"));
    }

    @Test
    void theKeyIsChecked() {
        given().get("/bulk/imports").then().statusCode(401).contentType(ContentType.TEXT)
                .body(equalTo("Invalid API Key"));
        given().header("Api-Key", "wrong").get("/bulk/imports/1").then().statusCode(401);
    }

    @Test
    void startedImportsMoveAlongTheClock() {
        String id = start("s3://bucket/new/");
        pinecone().get("/bulk/imports/" + id).then().statusCode(200).body("status", equalTo("Pending"))
                .body("percentComplete", equalTo(0.0f));
        clock.advance(TICK.multipliedBy(3));
        assertEquals("InProgress", describe(id).getString("status"));
        assertEquals(20.0, describe(id).getDouble("percentComplete"));
        clock.advance(TICK.multipliedBy(10));
        JsonPath done = describe(id);
        assertEquals("Completed", done.getString("status"));
        assertEquals(100.0, done.getDouble("percentComplete"));
        assertTrue(done.getLong("recordsImported") > 0);
        assertTrue(done.getString("finishedAt") != null);
        given().queryParam("status", "Completed").queryParam("all", true).get("/listImports").then().statusCode(200)
                .body("data.id", org.hamcrest.Matchers.hasItem(id));
    }

    @Test
    void anImportWhoseUriSaysFailFails() {
        String id = start("s3://bucket/will-fail/");
        clock.advance(TICK.multipliedBy(7));
        JsonPath failed = describe(id);
        assertEquals("Failed", failed.getString("status"));
        assertTrue(failed.getString("error").contains("parquet"));
        assertEquals(60.0, failed.getDouble("percentComplete"));
    }

    @Test
    void cancelStopsAnUnfinishedImportAndIgnoresAFinishedOne() {
        String id = start("s3://bucket/slow/");
        clock.advance(TICK.multipliedBy(2));
        pinecone().delete("/bulk/imports/" + id).then().statusCode(200).body(equalTo("{}"));
        clock.advance(TICK.multipliedBy(20));
        pinecone().get("/bulk/imports/" + id).then().body("status", equalTo("Cancelled"))
                .body("finishedAt", notNullValue());
        String completed = (String) Emulator.everything().stream().filter(i -> "Completed".equals(i.get("status")))
                .findFirst().orElseThrow().get("id");
        pinecone().delete("/bulk/imports/" + completed).then().statusCode(200);
        pinecone().get("/bulk/imports/" + completed).then().body("status", equalTo("Completed"));
    }

    @Test
    void unknownImportsAre404s() {
        pinecone().get("/bulk/imports/nope").then().statusCode(404).body("code", equalTo(5));
        pinecone().delete("/bulk/imports/nope").then().statusCode(404).body("code", equalTo(5));
    }

    @Test
    void startValidatesItsBody() {
        for (String body : List.of("{}", "{\"uri\":\"\"}", "{\"uri\":\"file:///etc/passwd\"}", "not json", "[]",
                "{\"uri\":\"s3://b/\",\"errorMode\":{\"onError\":\"explode\"}}")) {
            pinecone().contentType(ContentType.JSON).body(body).post("/bulk/imports").then().statusCode(400)
                    .body("code", equalTo(3));
        }
    }

    private static RequestSpecification pinecone() {
        return given().header("Api-Key", Emulator.KEY).header("X-Pinecone-Api-Version", "2025-01");
    }

    private static String start(String uri) {
        return pinecone().contentType(ContentType.JSON)
                .body("{\"uri\":\"" + uri + "\",\"errorMode\":{\"onError\":\"abort\"}}")
                .post("/bulk/imports").then().statusCode(200).extract().path("id");
    }

    private static JsonPath describe(String id) {
        return pinecone().get("/bulk/imports/" + id).then().statusCode(200).extract().jsonPath();
    }
}
