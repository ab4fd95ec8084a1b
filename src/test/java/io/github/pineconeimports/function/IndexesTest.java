package io.github.pineconeimports.function;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.pineconeimports.emulator.EmulatorServer;
import io.github.pineconeimports.support.EmulatedProject;
import io.github.pineconeimports.support.Emulator;
import io.github.pineconeimports.support.Walk;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Indexes by name through the control plane: one, several, or every index of an emulated project of three, each
 * with its own data. The oracle is each index's own listing, read from its emulator directly.
 */
@QuarkusTest
@TestProfile(IndexesTest.Project.class)
class IndexesTest {

    /** The emulated project, with gamma as the configured index (for calls that name none, see DefaultIndexTest). */
    public static class Project implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pinecone.index", "gamma");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(EmulatedProject.class));
        }
    }

    @AfterEach
    void everyIndexReady() {
        EmulatedProject.INDEXES.forEach(name -> EmulatedProject.project().setStatus(name, true, "Ready"));
    }

    @Test
    void oneIndexByName() {
        JsonPath answer = given().queryParam("index", "beta").queryParam("all", true).get("/listImports").then()
                .statusCode(200)
                .body("data.index", everyItem(equalTo("beta"))).extract().jsonPath();
        assertEquals(ids(oracle("beta"), null), answer.getList("data.id"));
        assertEquals(250, answer.getInt("summary.byIndex.beta.scanned"));
        assertEquals(3, answer.getInt("summary.byIndex.beta.pages"));
    }

    @Test
    void everyIndexInNameOrderEachInPineconesOrder() {
        JsonPath answer = given().queryParam("index", "*").queryParam("status", "Failed").queryParam("all", true)
                .get("/listImports")
                .then().statusCode(200).extract().jsonPath();
        List<String> expected = new ArrayList<>();
        for (String name : EmulatedProject.INDEXES) {
            ids(oracle(name), "Failed").forEach(id -> expected.add(name + "/" + id));
        }
        assertEquals(expected, keys(answer));
        assertEquals(750, answer.getInt("summary.scanned"));
        assertEquals(List.of("alpha", "beta", "gamma"), new ArrayList<>(answer.getMap("summary.byIndex").keySet()));
        for (String name : EmulatedProject.INDEXES) {
            assertEquals(ids(oracle(name), "Failed").size(),
                    answer.getInt("summary.byIndex." + name + ".byStatus.Failed"));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 7, 33, 100 })
    void aWalkAcrossIndexesReturnsWhatAllReturns(int limit) {
        List<String> all = keys(given().queryParam("index", "gamma,alpha").queryParam("status", "Failed,Cancelled")
                .queryParam("all", true).get("/listImports").then().statusCode(200).extract().jsonPath());
        List<JsonPath> pages = Walk.pages(() -> given().queryParam("index", "alpha").queryParam("index", "gamma")
                .queryParam("status", "Failed,Cancelled").queryParam("limit", limit), "/listImports", all.size() + 3);
        List<String> walked = new ArrayList<>();
        pages.forEach(page -> walked.addAll(keys(page)));
        assertEquals(all, walked, "same imports, same order, across the indexes");
        assertTrue(all.stream().anyMatch(k -> k.startsWith("alpha/"))
                && all.stream().anyMatch(k -> k.startsWith("gamma/")));
    }

    @Test
    void aTokenIsTiedToItsIndexes() {
        String token = given().queryParam("index", "alpha,beta").queryParam("limit", 3).get("/listImports").then()
                .statusCode(200)
                .extract().jsonPath().getString("pagination.next");
        given().queryParam("index", "alpha,gamma").queryParam("limit", 3).queryParam("paginationToken", token)
                .get("/listImports")
                .then().statusCode(400).body("field", equalTo("paginationToken"));
    }

    @Test
    void unknownAndMalformedNamesAre400sNamingThem() {
        given().queryParam("index", "delta").get("/listImports").then().statusCode(400)
                .body("field", equalTo("index")).body("value", equalTo("delta"))
                .body("message", containsString("no index named 'delta'"))
                // the names there are, so a typo is seen at once
                .body("allowed", equalTo("an index of this project: " + String.join(", ", EmulatedProject.INDEXES)));
        given().queryParam("index", "Not_An_Index").get("/listImports").then().statusCode(400)
                .body("field", equalTo("index")).body("value", equalTo("Not_An_Index"));
        given().queryParam("index", "*,alpha").get("/listImports").then().statusCode(400)
                .body("field", equalTo("index"));
    }

    @Test
    void countsByIndexInNameOrder() {
        JsonPath answer = given().queryParam("index", "gamma,alpha").queryParam("status", "Failed,Cancelled")
                .queryParam("counts", true)
                .get("/listImports").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("alpha", "gamma"), new ArrayList<>(answer.getMap("matched.byIndex").keySet()));
        int total = 0;
        for (String name : List.of("alpha", "gamma")) {
            int failed = ids(oracle(name), "Failed").size();
            int cancelled = ids(oracle(name), "Cancelled").size();
            assertEquals(failed, answer.getInt("matched.byIndex." + name + ".byStatus.Failed"));
            assertEquals(cancelled, answer.getInt("matched.byIndex." + name + ".byStatus.Cancelled"));
            assertEquals(failed + cancelled, answer.getInt("matched.byIndex." + name + ".total"));
            total += failed + cancelled;
        }
        assertEquals(total, answer.getInt("matched.total"));
        assertEquals(500, answer.getInt("summary.scanned"));
        assertNull(answer.get("matched.notReady"), "every index was ready");
    }

    @Test
    void anIndexThatIsNotReadyIsReportedNotWalked() {
        EmulatedProject.project().setStatus("beta", false, "Initializing");
        JsonPath answer = given().queryParam("index", "*").queryParam("all", true).get("/listImports").then()
                .statusCode(200)
                .body("summary.byIndex.beta.ready", equalTo(false))
                .body("summary.byIndex.beta.state", equalTo("Initializing"))
                .extract().jsonPath();
        assertTrue(keys(answer).stream().noneMatch(k -> k.startsWith("beta/")));
        assertEquals(500, answer.getInt("summary.scanned"));
        // counts name it too: a waiter must not call a batch done while an index of it cannot be counted
        JsonPath counts = given().queryParam("index", "*").queryParam("counts", true).get("/listImports").then()
                .statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("beta"), counts.getList("matched.notReady"));
        assertEquals(List.of("alpha", "gamma"), new ArrayList<>(counts.getMap("matched.byIndex").keySet()));
        assertEquals(500, counts.getInt("matched.total"));
    }

    @Test
    void oneFailingIndexFailsTheCallAndNamesIt() throws Exception {
        EmulatorServer gamma = EmulatedProject.project().indexes().get("gamma");
        gamma.failWith(503);
        try {
            given().queryParam("index", "*").queryParam("all", true).get("/listImports").then().statusCode(502)
                    .body("index", equalTo("gamma")).body("incomplete", equalTo(true))
                    .body("message", containsString("Listing of index 'gamma'"));
        } finally {
            gamma.failWith(null);
        }
    }

    /** The emulator's own listing of one index, page by page with its own tokens. */
    private static List<Map<String, Object>> oracle(String index) {
        int port = EmulatedProject.project().indexes().get(index).port();
        return Walk.collect(Walk.pages(() -> pinecone(port).queryParam("limit", 100), "/bulk/imports", 100), "");
    }

    private static RequestSpecification pinecone(int port) {
        return given().baseUri("http://127.0.0.1").port(port).header("Api-Key", Emulator.KEY);
    }

    private static List<String> ids(List<Map<String, Object>> imports, String status) {
        return imports.stream().filter(i -> status == null || status.equals(i.get("status")))
                .map(i -> (String) i.get("id")).toList();
    }

    private static List<String> keys(JsonPath answer) {
        List<String> indexes = answer.getList("data.index");
        List<String> ids = answer.getList("data.id");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            keys.add(indexes.get(i) + "/" + ids.get(i));
        }
        return keys;
    }
}
