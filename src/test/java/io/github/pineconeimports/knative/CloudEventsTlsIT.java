package io.github.pineconeimports.knative;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.pineconeimports.support.Emulator;
import io.github.pineconeimports.support.TlsProject;
import io.github.pineconeimports.support.TlsStandIn;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The packaged Knative build (JVM, and native in the native build) answering a PingSource's event by listing over
 * HTTPS: the control plane, then the index, with a certificate trusted through quarkus.tls.trust-store.pem.certs.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = TlsProject.class, restrictToAnnotatedClass = true)
class CloudEventsTlsIT {

    @Test
    void aPingListsOverHttps() {
        List<String> failed = Emulator.idsWithStatus(TlsProject.emulator().store().list(0, 1000).data(), "Failed");
        List<String> listed = given().header("ce-id", "evt-tls").header("ce-specversion", "1.0")
                .header("ce-type", "dev.knative.sources.ping").header("ce-source", "test")
                .contentType("application/json")
                .body("{\"index\": \"" + TlsStandIn.INDEX + "\", \"status\": [\"Failed\"], \"all\": true}")
                .post("/").then().statusCode(200).header("ce-type", equalTo("listImports.output")).extract()
                .jsonPath().getList("data.id");
        assertEquals(failed, listed);
    }
}
