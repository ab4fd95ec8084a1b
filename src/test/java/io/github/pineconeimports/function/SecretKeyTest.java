package io.github.pineconeimports.function;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.github.pineconeimports.support.WireMockUpstream;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The key read at run time from Secrets Manager through the AWS Parameters and Secrets extension (a WireMock
 * stand-in of its local HTTP API): fetched on the first call, remembered, fetched again after Pinecone rejects
 * it, and when the extension cannot give it, a clear error and no call to Pinecone at all.
 */
@QuarkusTest
@TestProfile(SecretKeyTest.FromSecret.class)
class SecretKeyTest {

    static final String SECRET_ID = "pinecone/api-key";
    static final String ROTATED_KEY = "pcsk_rotated_SECRET_77aa";
    static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjE-session-token";

    public static class FromSecret implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pinecone.api-key", "", "pinecone.api-key-secret", SECRET_ID, "aws.session-token", SESSION_TOKEN);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(WireMockUpstream.class), new TestResourceEntry(Extension.class));
        }
    }

    /** A stand-in of the extension's HTTP API on loopback. */
    public static class Extension implements QuarkusTestResourceLifecycleManager {
        static WireMockServer server;

        @Override
        public Map<String, String> start() {
            server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
            server.start();
            return Map.of("parameters-secrets-extension-http-port", String.valueOf(server.port()), "pinecone.api-key", "");
        }

        @Override
        public void stop() {
            server.stop();
        }
    }

    @jakarta.inject.Inject
    io.github.pineconeimports.client.ApiKeySecret secret;

    WireMockServer pinecone;
    WireMockServer extension;

    @BeforeEach
    void reset() {
        forgetKeys();
        pinecone = WireMockUpstream.server();
        extension = Extension.server;
        pinecone.resetAll();
        extension.resetAll();
        pinecone.stubFor(get(urlPathEqualTo("/bulk/imports")).withHeader("Api-Key", equalTo(WireMockUpstream.SECRET_KEY))
                .willReturn(okJson("{\"data\": [{\"id\": \"1\", \"uri\": \"s3://b/1/\", \"status\": \"Failed\"}]}")));
        pinecone.stubFor(get(urlPathEqualTo("/bulk/imports")).withHeader("Api-Key", equalTo(ROTATED_KEY))
                .willReturn(okJson("{\"data\": [{\"id\": \"2\", \"uri\": \"s3://b/2/\", \"status\": \"Failed\"}]}")));
    }

    private void secretHolds(String key) {
        extension.stubFor(get(urlPathEqualTo("/secretsmanager/get")).willReturn(okJson("{\"ARN\": \"arn:aws:secretsmanager:eu-west-1:"
                + "123456789012:secret:pinecone/api-key-AbCdEf\", \"Name\": \"pinecone/api-key\", \"SecretString\": \"" + key
                + "\", \"VersionId\": \"v1\", \"VersionStages\": [\"AWSCURRENT\"]}")));
    }

    @Test
    void theKeyIsFetchedOnFirstUseAndRemembered() {
        forgetKeys();
        secretHolds(WireMockUpstream.SECRET_KEY);
        given().get("/listImports").then().statusCode(200).body("data[0].id", org.hamcrest.Matchers.equalTo("1"));
        given().get("/listImports").then().statusCode(200);
        extension.verify(1, getRequestedFor(urlPathEqualTo("/secretsmanager/get")).withQueryParam("secretId", equalTo(SECRET_ID))
                .withHeader("X-Aws-Parameters-Secrets-Token", equalTo(SESSION_TOKEN)));
        pinecone.verify(2, getRequestedFor(urlPathEqualTo("/bulk/imports")).withHeader("Api-Key", equalTo(WireMockUpstream.SECRET_KEY)));
    }

    @Test
    void aRejectedKeyIsFetchedAgainOnce() {
        secretHolds(WireMockUpstream.SECRET_KEY);
        given().get("/listImports").then().statusCode(200);
        // the key is rotated: Pinecone now refuses the old one, the secret holds the new one
        pinecone.stubFor(get(urlPathEqualTo("/bulk/imports")).withHeader("Api-Key", equalTo(WireMockUpstream.SECRET_KEY))
                .willReturn(aResponse().withStatus(401).withBody("Invalid API Key")));
        extension.resetAll();
        secretHolds(ROTATED_KEY);
        given().get("/listImports").then().statusCode(200).body("data[0].id", org.hamcrest.Matchers.equalTo("2"));
        extension.verify(1, getRequestedFor(urlPathEqualTo("/secretsmanager/get")));
    }

    @Test
    void anExtensionThatCannotGiveTheKeyIsAClearErrorAndPineconeIsNotCalled() {
        for (int status : new int[] { 400, 403, 500 }) {
            forgetKeys();
            extension.resetAll();
            pinecone.resetAll();
            extension.stubFor(get(urlPathEqualTo("/secretsmanager/get")).willReturn(aResponse().withStatus(status)
                    .withBody("AccessDeniedException " + SESSION_TOKEN)));
            given().get("/listImports").then().statusCode(status >= 500 ? 502 : 500)
                    .body("message", containsString("PINECONE_API_KEY_SECRET"))
                    .body("message", containsString("answered " + status))
                    .body(not(containsString(SESSION_TOKEN)));
            pinecone.verify(0, anyRequestedFor(anyUrl()));
        }
        forgetKeys();
        extension.stubFor(get(urlPathEqualTo("/secretsmanager/get")).willReturn(aResponse()
                .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        given().get("/listImports").then().statusCode(500).body("message", containsString("could not be reached"));
        pinecone.verify(0, anyRequestedFor(anyUrl()));
    }

    /** Whatever key an earlier test left remembered. */
    private void forgetKeys() {
        secret.forget(WireMockUpstream.SECRET_KEY);
        secret.forget(ROTATED_KEY);
    }

    @Test
    void probesDoNotFetchTheKey() {
        given().get("/q/health/ready").then().statusCode(200);
        extension.verify(0, anyRequestedFor(anyUrl()));
    }
}
