package io.github.pineconeimports.function;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.pineconeimports.emulator.EmulatorMount;
import io.github.pineconeimports.imports.ImportStatus;
import io.github.pineconeimports.support.Emulator;
import io.github.pineconeimports.support.Walk;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** {@code listImports} over HTTP, backed by the emulator: 250 imports over 3 upstream pages. */
@QuarkusTest
class ListImportsFunctionTest {

    @Inject
    EmulatorMount emulator;

    @BeforeEach
    void freshData() {
        emulator.store().reset(250, 42);
    }

    @Test
    void withoutFilterReturnsEveryImportInUpstreamOrder() {
        List<Map<String, Object>> upstream = Emulator.everything();
        JsonPath answer = given().queryParam("all", true).get("/listImports").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(upstream.stream().map(i -> i.get("id")).toList(), answer.getList("data.id"));
        assertEquals(upstream, answer.getList("data"), "imports pass through unchanged");
        assertEquals(250, answer.getInt("summary.scanned"));
        assertEquals(3, answer.getInt("summary.pages"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Pending", "InProgress", "Failed", "Completed", "Cancelled" })
    void eachStatusReturnsExactlyItsImports(String status) {
        List<String> expected = Emulator.idsWithStatus(Emulator.everything(), status);
        assertTrue(expected.size() > 0, "the seed has imports in every status");
        JsonPath answer = given().queryParam("status", status).queryParam("all", true).get("/listImports")
                .then().statusCode(200).body("pagination", nullValue()).extract().jsonPath();
        assertEquals(expected, answer.getList("data.id"));
        assertEquals(expected.size(), answer.getInt("summary.byStatus." + status));
        assertEquals(250, answer.getInt("summary.scanned"));
    }

    @Test
    void severalStatusesAsRepeatedOrCommaSeparatedParameters() {
        List<String> expected = Emulator.idsWithStatus(Emulator.everything(), "Failed", "Cancelled");
        List<String> repeated = given().queryParam("status", "Failed").queryParam("status", "Cancelled")
                .queryParam("all", "true").get("/listImports").then().statusCode(200).extract().jsonPath()
                .getList("data.id");
        List<String> comma = given().queryParam("status", "Failed,Cancelled").queryParam("all", "true")
                .get("/listImports").then().statusCode(200).extract().jsonPath().getList("data.id");
        assertEquals(expected, repeated);
        assertEquals(expected, comma);
    }

    @Test
    void statusIsCaseInsensitiveOnInputAndCanonicalOnOutput() {
        given().queryParam("status", "inprogress").queryParam("status", "FAILED").queryParam("all", true)
                .get("/listImports").then().statusCode(200)
                .body("data.status", everyItem(in(List.of("InProgress", "Failed"))))
                .body("data", not(hasSize(0)));
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 7, 33, 100 })
    void filteredWalkEqualsAllTrue(int limit) {
        List<String> all = given().queryParam("status", "Failed").queryParam("all", true).get("/listImports")
                .then().statusCode(200).extract().jsonPath().getList("data.id");
        List<JsonPath> pages = Walk.pages(() -> given().queryParam("status", "Failed").queryParam("limit", limit),
                "/listImports", all.size() + 2);
        pages.forEach(page -> assertTrue(page.getList("data").size() <= limit, "a page holds at most limit imports"));
        List<String> walked = Walk.collect(pages, "id");
        assertEquals(all, walked, "same imports, same order");
        assertEquals(walked.size(), new HashSet<>(walked).size(), "no duplicates");
    }

    @Test
    void postTakesTheSameFieldsAsJson() {
        List<String> viaGet = given().queryParam("status", "Failed,Cancelled").queryParam("limit", 9)
                .get("/listImports")
                .then().statusCode(200).extract().jsonPath().getList("data.id");
        JsonPath viaPost = given().contentType(ContentType.JSON)
                .body("{\"status\":[\"Failed\",\"cancelled\"],\"limit\":9}")
                .post("/listImports").then().statusCode(200).extract().jsonPath();
        assertEquals(viaGet, viaPost.getList("data.id"));
        given().contentType(ContentType.JSON).body("{\"status\":\"Failed\",\"all\":true}").post("/listImports")
                .then().statusCode(200).body("data.status", everyItem(equalTo("Failed")));
        given().contentType(ContentType.JSON).body("{\"status\":[\"Pending\"],\"limit\":2,\"paginationToken\":\""
                + viaPost.getString("pagination.next") + "\"}").post("/listImports")
                .then().statusCode(400).body("field", equalTo("paginationToken"));
    }

    @Test
    void emptyPostListsEverything() {
        given().contentType(ContentType.JSON).post("/listImports").then().statusCode(200).body("data", hasSize(100))
                .body("pagination.next", notNullValue());
    }

    @Test
    void timeWindowOnCreatedAt() {
        List<Map<String, Object>> upstream = Emulator.everything();
        Instant since = Instant.parse((String) upstream.get(100).get("createdAt"));
        Instant until = Instant.parse((String) upstream.get(150).get("createdAt"));
        given().queryParam("since", since.toString()).queryParam("until", until.toString()).queryParam("all", true)
                .get("/listImports").then().statusCode(200)
                .body("data.id", equalTo(upstream.subList(100, 150).stream().map(i -> i.get("id")).toList()));
    }

    @Test
    void summaryCountsEveryStatusOverTheWholeIndexWithAll() {
        List<Map<String, Object>> upstream = Emulator.everything();
        JsonPath answer = given().queryParam("status", "Pending").queryParam("all", true).get("/listImports")
                .then().statusCode(200).extract().jsonPath();
        for (String status : ImportStatus.NAMES) {
            assertEquals(Emulator.idsWithStatus(upstream, status).size(), answer.getInt("summary.byStatus." + status),
                    status);
        }
    }

    @Test
    void invalidInputIsA400NamingTheField() {
        bad(Map.of("status", "Broken"), "status", "Broken", "unknown status");
        bad(Map.of("limit", "0"), "limit", "0", "out of range");
        bad(Map.of("limit", "101"), "limit", "101", "out of range");
        bad(Map.of("limit", "abc"), "limit", "abc", "not an integer");
        bad(Map.of("limit", "10", "all", "true"), "limit", "10", "cannot be combined");
        bad(Map.of("all", "maybe"), "all", "maybe", "not a boolean");
        bad(Map.of("paginationToken", "not-a-token"), "paginationToken", "not-a-token",
                "not a next-page token of ours");
        bad(Map.of("paginationToken", "pi2.%%%"), "paginationToken", "pi2.%%%", "malformed");
        bad(Map.of("since", "yesterday"), "since", "yesterday", "not an instant");
        bad(Map.of("stauts", "Failed"), "stauts", null, "unknown query parameter");
    }

    @Test
    void aTokenFromAnotherQueryIsRejected() {
        String token = given().queryParam("status", "Failed").queryParam("limit", 3).get("/listImports")
                .then().statusCode(200).extract().jsonPath().getString("pagination.next");
        given().queryParam("status", "Completed").queryParam("paginationToken", token).get("/listImports")
                .then().statusCode(400).body("field", equalTo("paginationToken"))
                .body("message", containsString("different query"));
    }

    @Test
    void badJsonBodiesAre400s() {
        given().contentType(ContentType.JSON).body("{\"status\": ").post("/listImports").then().statusCode(400)
                .body("error", equalTo("invalid_input")).body("field", equalTo("body"))
                .body("message", containsString("not valid JSON"));
        given().contentType(ContentType.JSON).body("{\"limit\": [1, 2]}").post("/listImports").then().statusCode(400)
                .body("field", equalTo("limit"));
        given().contentType(ContentType.JSON).body("[]").post("/listImports").then().statusCode(400)
                .body("field", equalTo("body"));
        given().contentType(ContentType.JSON).body("{\"statuses\": [\"Failed\"]}").post("/listImports").then()
                .statusCode(400).body("field", equalTo("statuses")).body("message", containsString("unknown field"));
    }

    private static void bad(Map<String, String> params, String field, String value, String problem) {
        var response = given().queryParams(params).get("/listImports").then().statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", equalTo("invalid_input"))
                .body("field", equalTo(field))
                .body("message", containsString(problem))
                .body("allowed", notNullValue());
        if (value != null) {
            response.body("value", equalTo(value));
        }
    }
}
