package io.github.pineconeimports.function;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.pineconeimports.support.Emulator;
import io.github.pineconeimports.support.TlsProject;
import io.github.pineconeimports.support.TlsStandIn;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The packaged HTTP function (the JVM jar, and the native executable in the native build) reaching Pinecone as it
 * is reached for real, over HTTPS: the control plane and then the index it names, with a certificate trusted
 * through quarkus.tls.trust-store.pem.certs.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = TlsProject.class, restrictToAnnotatedClass = true)
class TlsIT {

    @Test
    void listsThroughTheControlPlaneAndTheIndexOverHttps() {
        List<String> failed = Emulator.idsWithStatus(TlsProject.emulator().store().list(0, 1000).data(), "Failed");
        TlsProject.trusted().server().resetRequests(); // other tests of this JVM may have listed through it too
        List<String> listed = given().queryParam("index", TlsStandIn.INDEX).queryParam("status", "Failed")
                .queryParam("all", true).get("/listImports").then().statusCode(200).extract().jsonPath()
                .getList("data.id");
        assertFalse(failed.isEmpty());
        assertEquals(failed, listed);
        assertEquals(1, TlsProject.trusted().server().findAll(getRequestedFor(urlPathEqualTo("/indexes/"
                + TlsStandIn.INDEX))).size(), "the control plane, over HTTPS");
        assertEquals(3, TlsProject.trusted().server().findAll(getRequestedFor(urlPathEqualTo("/bulk/imports"))
                .withHeader("Api-Key", com.github.tomakehurst.wiremock.client.WireMock.equalTo(Emulator.KEY))).size(),
                "every page of 250 imports, over HTTPS, with the key");
    }
}
