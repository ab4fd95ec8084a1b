package io.github.pineconeimports.function;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.github.pineconeimports.support.Emulator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@code PINECONE_INDEX} names the index a call lists when it names none; a call may still name others. */
@QuarkusTest
@TestProfile(IndexesTest.Project.class)
class DefaultIndexTest {

    @Test
    void aCallThatNamesNoIndexListsTheConfiguredOne() {
        given().queryParam("status", "Failed").queryParam("all", true).get("/listImports").then().statusCode(200)
                .body("data.index", everyItem(equalTo("gamma")))
                .body("summary.byIndex.gamma.scanned", equalTo(250));
        given().queryParam("index", "alpha").queryParam("limit", 5).get("/listImports").then().statusCode(200)
                .body("data.index", everyItem(equalTo("alpha")));
    }

    @Test
    void readinessNeedsNoHostWhenAnIndexIsNamed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'pinecone-configuration' }.data.index", equalTo("gamma"));
        given().get("/q/metrics").then().statusCode(200).body(not(containsString(Emulator.KEY)));
    }
}
