package io.github.pineconeimports.function;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Hostile and careless input: wrong types, huge values, unicode and control characters, injection strings,
 * non-JSON bodies, arrays for objects, duplicate fields. Each is a 4xx JSON error naming what is wrong, never
 * a 5xx, never a stack trace. (The Knative build runs this class too.)
 */
@QuarkusTest
class HostileInputTest {

    static Stream<Arguments> queries() {
        return Stream.of(
                q("status", "Faild", "status"),
                q("status", "<script>alert(1)</script>", "status"),
                q("status", "Failed'; DROP TABLE imports;--", "status"),
                q("status", "' OR 1=1 --", "status"),
                q("status", "Fäiled", "status"),
                q("status", "😀", "status"),
                q("status", "Failed\u0000", "status"),
                q("status", "Failed\r\nX-Injected: 1", "status"),
                q("status", "x".repeat(3000), "status"),
                q("status", "${jndi:ldap://127.0.0.1/a}", "status"),
                q("limit", "-1", "limit"),
                q("limit", "0", "limit"),
                q("limit", "1e2", "limit"),
                q("limit", "99999999999999999999", "limit"),
                q("limit", "1.5", "limit"),
                q("limit", "NaN", "limit"),
                q("limit", "0x10", "limit"),
                q("limit", "١٠", "limit"),
                q("all", "yes", "all"),
                q("all", "1", "all"),
                q("all", "null", "all"),
                q("paginationToken", "abc", "paginationToken"),
                q("paginationToken", "pi2.!!!", "paginationToken"),
                q("paginationToken", "pi2." + "A".repeat(3000), "paginationToken"),
                q("paginationToken", "Tm90aGluZyB0byBzZWUgaGVyZQo=", "paginationToken"),
                q("since", "tomorrow", "since"),
                q("since", "2025-02-30T00:00:00Z", "since"),
                q("until", "1700000000", "until"),
                q("x", "1", "x"),
                q("status.nested", "Failed", "status.nested"),
                q("__proto__", "{}", "__proto__"));
    }

    static Stream<Arguments> bodies() {
        return Stream.of(
                b("not json", "body"),
                b("{", "body"),
                b("[]", "body"),
                b("[{}]", "body"),
                b("123", "body"),
                b("\"Failed\"", "body"),
                b("true", "body"),
                b("{\"limit\": \"abc\"}", "limit"),
                b("{\"limit\": 0}", "limit"),
                b("{\"limit\": 1e9}", "limit"),
                b("{\"limit\": [1]}", "limit"),
                b("{\"limit\": {\"a\": 1}}", "limit"),
                b("{\"status\": 5}", "status"),
                b("{\"status\": {\"$ne\": null}}", "status"),
                b("{\"status\": [\"Failed\"], \"status\": [\"Bogus\"]}", "status"),
                b("{\"status\": \"Failed\\u0000\"}", "status"),
                b("{\"all\": \"yes\"}", "all"),
                b("{\"all\": 2}", "all"),
                b("{\"paginationToken\": 12345}", "paginationToken"),
                b("{\"since\": \"yesterday\"}", "since"),
                b("{\"extra\": 1}", "extra"),
                b("{\"__proto__\": {\"admin\": true}}", "__proto__"),
                b("{\"status\": \"" + "F".repeat(10_000) + "\"}", "status"));
    }

    @ParameterizedTest
    @MethodSource("queries")
    void hostileQueryParameters(String name, String value, String field) {
        given().queryParam(name, value).get("/listImports").then()
                .statusCode(allOf(greaterThanOrEqualTo(400), lessThan(500)))
                .contentType(ContentType.JSON)
                .body("error", equalTo("invalid_input"))
                .body("field", equalTo(field))
                .body("message", containsString(field))
                .body(not(containsString("Exception")));
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void hostileBodies(String body, String field) {
        given().contentType(ContentType.JSON).body(body).post("/listImports").then()
                .statusCode(allOf(greaterThanOrEqualTo(400), lessThan(500)))
                .contentType(ContentType.JSON)
                .body("error", equalTo("invalid_input"))
                .body("field", equalTo(field))
                .body("message", containsString(field))
                .body(not(containsString("\tat ")));
    }

    private static Arguments q(String name, String value, String field) {
        return Arguments.of(name, value, field);
    }

    private static Arguments b(String body, String field) {
        return Arguments.of(body, field);
    }

}
