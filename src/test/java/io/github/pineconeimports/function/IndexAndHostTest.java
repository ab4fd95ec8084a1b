package io.github.pineconeimports.function;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * One source of "where", never two: a deployment that sets both PINECONE_INDEX and PINECONE_INDEX_HOST is not
 * ready and says which variables; a call that names an index where a host is configured is a 400 naming the field.
 */
@QuarkusTest
@TestProfile(IndexAndHostTest.Both.class)
class IndexAndHostTest {

    public static class Both implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pinecone.index", "alpha");
        }
    }

    @Test
    void bothConfiguredIsNotConfigured() {
        given().get("/listImports").then().statusCode(500).body("error", equalTo("not_configured"))
                .body("message", containsString("PINECONE_INDEX and PINECONE_INDEX_HOST are both set"));
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks[0].data.problem", containsString("PINECONE_INDEX and PINECONE_INDEX_HOST are both set"));
    }

    @Test
    void aCallNamingAnIndexWhereAHostIsConfiguredIsA400() {
        given().queryParam("index", "beta").get("/listImports").then().statusCode(400)
                .body("field", equalTo("index")).body("value", equalTo("beta"))
                .body("message", containsString("PINECONE_INDEX_HOST"));
    }
}
