package io.github.pineconeimports.function;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * An index host is configured (the emulator): a call that names an index is the caller's mistake, a 400. Both
 * configured at once is a deployment mistake, checked against the packaged build in {@code ConfigurationIT}.
 */
@QuarkusTest
class IndexAndHostTest {

    @Test
    void aCallNamingAnIndexWhereAHostIsConfiguredIsA400() {
        given().queryParam("index", "beta").get("/listImports").then().statusCode(400)
                .body("field", equalTo("index")).body("value", equalTo("beta"))
                .body("message", containsString("PINECONE_INDEX_HOST"));
    }
}
