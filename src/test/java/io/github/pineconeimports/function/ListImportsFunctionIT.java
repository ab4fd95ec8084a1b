package io.github.pineconeimports.function;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.pineconeimports.support.Emulator;
import io.github.pineconeimports.support.Walk;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The packaged HTTP build (the JVM jar here, the native executable where GraalVM exists), run with the test
 * profile so that its emulator answers behind it.
 */
@QuarkusIntegrationTest
class ListImportsFunctionIT {

    @Test
    void filteredWalkEqualsAllAndTheEmulatorsOwnListing() {
        List<String> fromEmulator = Emulator.idsWithStatus(Emulator.everything(), "Failed", "Cancelled");
        List<String> all = given().queryParam("status", "Failed,Cancelled").queryParam("all", true).get("/listImports")
                .then().statusCode(200).extract().jsonPath().getList("data.id");
        List<String> walked = Walk.collect(Walk.pages(() -> given().queryParam("status", "Failed")
                .queryParam("status", "Cancelled").queryParam("limit", 7), "/listImports", all.size() + 2), "id");
        assertEquals(fromEmulator, all);
        assertEquals(all, walked);
    }

    @Test
    void theOpenApiDocumentIsServedAsWritten() throws Exception {
        String served = given().get("/q/openapi").then().statusCode(200).contentType(startsWith("application/yaml"))
                .extract().asString();
        assertEquals(java.nio.file.Files.readString(java.nio.file.Path.of("deploy", "openapi.yaml")), served);
    }

    @Test
    void badInputIsA400AndHealthIsUp() {
        given().queryParam("limit", "101").get("/listImports").then().statusCode(400).body("field", equalTo("limit"));
        given().contentType("application/json").body("{\"all\": \"sometimes\"}").post("/listImports").then()
                .statusCode(400).body("field", equalTo("all"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
