package io.github.pineconeimports.function;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.pineconeimports.failure.InvalidQueryException;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * A pipeline gate refuses rather than guesses: a field that is present but blank or empty, a single field given
 * twice, or a value out of range is a 400 naming the field, never a wider listing and never a 500. The HTTP
 * binding is checked on the wire; the Lambda and Knative bindings read their input with a copy of the same
 * mapper into the same bean, checked here too (their own builds check the wire).
 */
@QuarkusTest
class StrictInputTest {

    @Inject
    ObjectMapper mapper;

    static Stream<Arguments> queries() {
        return Stream.of(
                Arguments.of("status=", "status"), Arguments.of("status", "status"), Arguments.of("status=,", "status"),
                Arguments.of("status=Failed,", "status"), Arguments.of("status=Failed&status=", "status"),
                Arguments.of("since=", "since"), Arguments.of("since=%20", "since"), Arguments.of("until=", "until"),
                Arguments.of("finishedWithin=", "finishedWithin"), Arguments.of("asOf=", "asOf"),
                Arguments.of("index=", "index"), Arguments.of("index=alpha,", "index"),
                Arguments.of("paginationToken=", "paginationToken"), Arguments.of("limit=", "limit"),
                Arguments.of("all=", "all"),
                Arguments.of("counts=", "counts"),
                Arguments.of("since=2026-01-01T00:00:00Z&since=2026-02-01T00:00:00Z", "since"),
                Arguments.of("limit=1&limit=50", "limit"), Arguments.of("all=true&all=false", "all"),
                Arguments.of("finishedWithin=P9999999999999D", "finishedWithin"),
                Arguments.of("finishedWithin=P36501D", "finishedWithin"),
                Arguments.of("since=%2B999999-01-01T00:00:00Z", "since"),
                Arguments.of("until=-000001-01-01T00:00:00Z", "until"),
                Arguments.of("finishedWithin=PT1H&asOf=%2B1000000000-12-31T23:59:59Z", "asOf"),
                Arguments.of("limit=2147483648", "limit"),
                Arguments.of("Status=Failed", "Status"),
                // a token whose own asOf is beyond the representable: refused as a token, not a 500
                Arguments.of("finishedWithin=P36500D&paginationToken=pi2." + Base64.getUrlEncoder().withoutPadding()
                        .encodeToString("x\n0\n0\n-999999999-01-01T00:00:00Z\n".getBytes(StandardCharsets.UTF_8)),
                        "paginationToken"));
    }

    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of("{\"status\": \"\"}", "status"), Arguments.of("{\"status\": []}", "status"),
                Arguments.of("{\"status\": [\"\"]}", "status"), Arguments.of("{\"status\": [null]}", "status"),
                Arguments.of("{\"status\": \"Failed, \"}", "status"), Arguments.of("{\"since\": \" \"}", "since"),
                Arguments.of("{\"index\": []}", "index"),
                Arguments.of("{\"paginationToken\": \"\"}", "paginationToken"),
                Arguments.of("{\"status\": \"Failed\", \"status\": \"Completed\"}", "status"),
                Arguments.of("{\"since\": \"2026-01-01T00:00:00Z\", \"since\": \"2026-02-01T00:00:00Z\"}", "since"),
                Arguments.of("{\"Status\": \"Failed\"}", "Status"),
                Arguments.of("{\"status\": \"Failed\"} {\"status\": \"Completed\"}", "body"),
                Arguments.of("{\"finishedWithin\": \"P9999999999999D\"}", "finishedWithin"),
                Arguments.of("{\"since\": \"9999-12-31T23:59:59-01:00\"}", "since"));
    }

    @ParameterizedTest
    @MethodSource("queries")
    void aPresentFieldCarriesOneUsableValueInTheQuery(String query, String field) {
        given().urlEncodingEnabled(false).get("/listImports?" + query).then().statusCode(400)
                .contentType(ContentType.JSON).body("error", equalTo("invalid_input")).body("field", equalTo(field))
                .body(not(containsString("Exception")));
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void aPresentFieldCarriesOneUsableValueInTheBody(String body, String field) {
        given().contentType(ContentType.JSON).body(body).post("/listImports").then().statusCode(400)
                .body("error", equalTo("invalid_input")).body("field", equalTo(field));
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void theEventBindingsReadTheSameWay(String body, String field) {
        // Funqy's Knative and Lambda bindings read events with a copy of this mapper into ListImportsInput (on Lambda
        // through function/lambda/LambdaEvents, which reads a tree first)
        InvalidQueryException refused = assertThrows(InvalidQueryException.class, () -> {
            try {
                mapper.copy().readValue(body, ListImportsInput.class).toQuery();
            } catch (JsonProcessingException e) {
                throw ListImportsInput.unreadable(e);
            }
        });
        assertEquals(field, refused.field(), refused.getMessage());
    }

    @Test
    void statusAndIndexMayRepeatInAQueryStringAsAList() {
        given().get("/listImports?status=Failed&status=Cancelled&all=true").then().statusCode(200)
                .body("data.status.unique()", hasItems("Failed", "Cancelled"))
                .body("data.findAll { it.status != 'Failed' && it.status != 'Cancelled' }.size()", equalTo(0));
    }

    @Test
    void jsonNullIsAFieldNotGiven() {
        // generated OpenAPI clients (SonataFlow's among them) send null for every optional field they were not given
        List<Object> all = given().get("/listImports?all=true").then().statusCode(200).extract().path("data.id");
        given().contentType(ContentType.JSON).body("{\"all\": true, \"status\": null, \"index\": null}")
                .post("/listImports")
                .then().statusCode(200).body("data.id", equalTo(all));
    }

    @Test
    void anOverlongUriGetsOurJsonErrorAndALongTokenStillFits() {
        given().urlEncodingEnabled(false).get("/listImports?status=" + "Failed,".repeat(1300) + "Failed").then()
                .statusCode(414).contentType(ContentType.JSON).body("error", equalTo("uri_too_long"))
                .body("message", containsString("POST"));
        // a token of the longest kind we accept (4096) is judged as a token, not refused for its length
        given().urlEncodingEnabled(false)
                .get("/listImports?status=Failed&limit=3&paginationToken=pi2." + "A".repeat(4092)).then()
                .statusCode(400).body("field", equalTo("paginationToken"));
    }

    @Test
    void aQueryStringThatIsNotUrlEncodedIsA400NotA500() throws Exception {
        // HTTP clients refuse to send these, so the request goes out as bytes; the HTTP server refuses it before any
        // code of ours runs (with an empty body, as the README says), and it must stay a 400
        for (String query : List.of("since=%ZZ", "status=%E0%A4%A")) {
            try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
                socket.getOutputStream().write(("GET /listImports?" + query
                        + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
                assertFalse(answer.contains("Exception"), answer);
            }
        }
    }

    @Test
    void aPathThatIsNotTheFunctionsGetsTheSameJsonShape() {
        given().get("/listimports").then().statusCode(404).contentType(ContentType.JSON)
                .body("error", equalTo("http_404"));
    }

    @Test
    void aGetReadsOnlyItsQuerySoAFilterInItsBodyIsRefused() {
        given().contentType(ContentType.JSON).body("{\"status\": \"Failed\"}").get("/listImports").then()
                .statusCode(400)
                .body("field", equalTo("body")).body("message", containsString("POST"));
    }

    @Test
    void aPostReadsOnlyItsBodySoAFilterInItsUrlIsRefused() {
        given().contentType(ContentType.JSON).body("{}").post("/listImports?status=Failed").then().statusCode(400)
                .body("field", equalTo("status")).body("message", containsString("JSON body"));
    }
}
