package io.github.pineconeimports.function;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Without an API key the application still starts, and each call says which variable is missing. */
@QuarkusTest
@TestProfile(MissingConfigurationTest.NoKey.class)
class MissingConfigurationTest {

    public static class NoKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pinecone.api-key", "");
        }
    }

    @Test
    void aMissingKeyNamesTheVariable() {
        given().get("/listImports").then().statusCode(500)
                .body("error", equalTo("not_configured"))
                .body("message", containsString("PINECONE_API_KEY is not set"));
    }

    @Test
    void readinessIsDownAndSaysWhy() {
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"))
                .body("checks[0].data.problem", containsString("PINECONE_API_KEY is not set"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void badInputIsStillJudgedFirst() {
        given().queryParam("limit", "0").get("/listImports").then().statusCode(400).body("field", equalTo("limit"));
    }
}
