package io.github.pineconeimports.function;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.pineconeimports.emulator.EmulatorMount;
import io.github.pineconeimports.imports.ImportStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * {@code counts=true}: how many imports match, by status, without the imports. The counts must equal what the same
 * filter lists with {@code all=true}, and be told apart from the summary's scanned counts.
 */
@QuarkusTest
class CountsTest {

    @Inject
    EmulatorMount emulator;

    @BeforeEach
    void freshData() {
        emulator.store().reset(250, 42);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "|", "status=Failed|", "status=Pending,InProgress|", "status=Failed,Cancelled|since",
            "|since", "status=Completed|until" })
    void countsAreWhatTheSameFilterLists(String statuses, String window) {
        Map<String, Object> filter = new LinkedHashMap<>();
        if (statuses != null) {
            filter.put("status", statuses.substring("status=".length()));
        }
        String middle = middleCreatedAt();
        if ("since".equals(window)) {
            filter.put("since", middle);
        } else if ("until".equals(window)) {
            filter.put("until", middle);
        }
        JsonPath listed = given().queryParams(filter).queryParam("all", true).get("/listImports").then().statusCode(200)
                .extract().jsonPath();
        JsonPath counted = given().queryParams(filter).queryParam("counts", true).get("/listImports").then()
                .statusCode(200)
                .body("data", nullValue()).body("pagination", nullValue()).extract().jsonPath();

        List<String> statusesListed = listed.getList("data.status");
        assertEquals(statusesListed.size(), counted.getInt("matched.total"));
        for (ImportStatus status : ImportStatus.values()) {
            long n = statusesListed.stream().filter(status.wire()::equals).count();
            // every known status is present, 0 when none matched, so a Choice state needs no IsPresent
            assertEquals(n, counted.getLong("matched.byStatus." + status.wire()), status.wire());
        }
        assertEquals(listed.getMap("summary"), counted.getMap("summary"), "scanned counts are the same walk's");
    }

    @Test
    void matchedAndScannedAreDifferentNumbers() {
        JsonPath answer = given().queryParam("counts", true).queryParam("status", "Failed").get("/listImports").then()
                .statusCode(200).extract().jsonPath();
        int failed = answer.getInt("matched.total");
        assertTrue(failed > 0 && failed < 250, "some failed: " + failed);
        assertEquals(failed, answer.getInt("matched.byStatus.Failed"));
        assertEquals(0, answer.getInt("matched.byStatus.Completed"), "matched counts only what the filter keeps");
        assertEquals(250, answer.getInt("summary.scanned"), "scanned counts everything read");
        assertTrue(answer.getInt("summary.byStatus.Completed") > 0);
    }

    @Test
    void postedAsJsonAsAWorkflowSendsIt() {
        String since = middleCreatedAt();
        given().contentType(ContentType.JSON).body(Map.of("counts", true, "since", since)).post("/listImports").then()
                .statusCode(200).body("matched.total", equalTo(given().queryParam("since", since)
                        .queryParam("all", true).get("/listImports").then().extract().jsonPath().getList("data")
                        .size()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "limit|5", "all|true", "paginationToken|pi2.ZjAyMzg1Y2Y2OTI4OTA0OAowCjQKCg" })
    void countsTakeNoPaging(String field, String value) {
        given().queryParam("counts", true).queryParam(field, value).get("/listImports").then().statusCode(400)
                .body("error", equalTo("invalid_input")).body("field", equalTo(field))
                .body("message", containsString("counts=true counts every match in one answer"));
    }

    @Test
    void countsIsABoolean() {
        given().queryParam("counts", "yes").get("/listImports").then().statusCode(400).body("field", equalTo("counts"))
                .body("allowed", equalTo("true, false"));
    }

    @Test
    void theAnswerStaysSmallWhateverMatches() {
        String answer = given().queryParam("counts", true).get("/listImports").then().statusCode(200).extract()
                .asString();
        assertTrue(answer.length() < 1024, answer);
        for (int i = 0; i < 2_000; i++) {
            emulator.store().start("s3://acme/many/" + i + "/");
        }
        String more = given().queryParam("counts", true).get("/listImports").then().statusCode(200)
                .body("matched.total", equalTo(2_250)).extract().asString();
        assertTrue(more.length() < answer.length() + 16, "the same shape with larger numbers: " + more);
    }

    /** The creation time of the 125th import: about half of them before, half after. */
    private static String middleCreatedAt() {
        List<String> created = given().queryParam("all", true).get("/listImports").then().extract().jsonPath()
                .getList("data.createdAt");
        return Instant.parse(created.get(125)).toString();
    }
}
