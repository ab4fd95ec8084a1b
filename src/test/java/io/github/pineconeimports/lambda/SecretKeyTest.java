package io.github.pineconeimports.lambda;

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
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.github.pineconeimports.failure.Failure;
import io.github.pineconeimports.failure.SecretException;
import io.github.pineconeimports.support.SecretsExtensionStandIn;
import io.github.pineconeimports.support.WireMockUpstream;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The key read at run time from Secrets Manager through the AWS Parameters and Secrets extension (a WireMock
 * stand-in of its local HTTP API): fetched on the first call, remembered, fetched again after Pinecone rejects
 * it, and when the extension cannot give it, a clear error and no call to Pinecone at all. Runs with
 * {@code -Plambda}, where this door lives.
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
            return Map.of("pinecone.api-key", "", "pinecone.api-key-secret", SECRET_ID,
                    "aws.session-token", SESSION_TOKEN);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(WireMockUpstream.class),
                    new TestResourceEntry(SecretsExtensionStandIn.class));
        }
    }

    @jakarta.inject.Inject
    io.github.pineconeimports.function.lambda.SecretApiKey secret;

    @jakarta.inject.Inject
    io.github.pineconeimports.client.ApiKeys keys;

    WireMockServer pinecone;
    WireMockServer extension;

    @BeforeEach
    void reset() {
        forgetKeys();
        pinecone = WireMockUpstream.server();
        extension = SecretsExtensionStandIn.server();
        pinecone.resetAll();
        extension.resetAll();
        pinecone.stubFor(get(urlPathEqualTo("/bulk/imports"))
                .withHeader("Api-Key", equalTo(WireMockUpstream.SECRET_KEY))
                .willReturn(okJson("{\"data\": [{\"id\": \"1\", \"uri\": \"s3://b/1/\", \"status\": \"Failed\"}]}")));
        pinecone.stubFor(get(urlPathEqualTo("/bulk/imports")).withHeader("Api-Key", equalTo(ROTATED_KEY))
                .willReturn(okJson("{\"data\": [{\"id\": \"2\", \"uri\": \"s3://b/2/\", \"status\": \"Failed\"}]}")));
    }

    private void secretHolds(String key) {
        extension.stubFor(get(urlPathEqualTo("/secretsmanager/get"))
                .willReturn(okJson("{\"ARN\": \"arn:aws:secretsmanager:eu-west-1:"
                        + "123456789012:secret:pinecone/api-key-AbCdEf\", \"Name\": \"pinecone/api-key\","
                        + " \"SecretString\": \"" + key
                        + "\", \"VersionId\": \"v1\", \"VersionStages\": [\"AWSCURRENT\"]}")));
    }

    @Test
    void theKeyIsFetchedOnFirstUseAndRemembered() {
        forgetKeys();
        secretHolds(WireMockUpstream.SECRET_KEY);
        invoke().then().statusCode(200).body("data[0].id", org.hamcrest.Matchers.equalTo("1"));
        invoke().then().statusCode(200);
        extension.verify(1, getRequestedFor(urlPathEqualTo("/secretsmanager/get"))
                .withQueryParam("secretId", equalTo(SECRET_ID))
                .withHeader("X-Aws-Parameters-Secrets-Token", equalTo(SESSION_TOKEN)));
        pinecone.verify(2, getRequestedFor(urlPathEqualTo("/bulk/imports"))
                .withHeader("Api-Key", equalTo(WireMockUpstream.SECRET_KEY)));
    }

    @Test
    void aRejectedKeyIsFetchedAgainOnce() {
        secretHolds(WireMockUpstream.SECRET_KEY);
        invoke().then().statusCode(200);
        // the key is rotated: Pinecone now refuses the old one, the secret holds the new one
        pinecone.stubFor(get(urlPathEqualTo("/bulk/imports"))
                .withHeader("Api-Key", equalTo(WireMockUpstream.SECRET_KEY))
                .willReturn(aResponse().withStatus(401).withBody("Invalid API Key")));
        extension.resetAll();
        secretHolds(ROTATED_KEY);
        invoke().then().statusCode(200).body("data[0].id", org.hamcrest.Matchers.equalTo("2"));
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
            invoke().then().statusCode(500)
                    .body("errorMessage", containsString("PINECONE_API_KEY_SECRET"))
                    .body("errorMessage", containsString("answered " + status))
                    .body(not(containsString(SESSION_TOKEN)));
            pinecone.verify(0, anyRequestedFor(anyUrl()));
            // the extension failing is an outage (retry later); refusing is a setting to fix (the kind names the
            // answer)
            forgetKeys();
            SecretException refused = assertThrows(SecretException.class, secret::current);
            assertEquals(status >= 500 ? Failure.Kind.UPSTREAM_UNAVAILABLE : Failure.Kind.NOT_CONFIGURED,
                    refused.kind(), "extension answered " + status);
        }
        forgetKeys();
        extension.stubFor(get(urlPathEqualTo("/secretsmanager/get")).willReturn(aResponse()
                .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        invoke().then().statusCode(500).body("errorMessage", containsString("could not be reached"));
        pinecone.verify(0, anyRequestedFor(anyUrl()));
    }

    /** One Lambda invocation with an empty event, through Quarkus' mock event server. */
    private static io.restassured.response.Response invoke() {
        return given().contentType("application/json").accept("application/json").body("{}").post();
    }

    /** Whatever key an earlier test left remembered. */
    private void forgetKeys() {
        secret.rejected(WireMockUpstream.SECRET_KEY);
        secret.rejected(ROTATED_KEY);
    }

    @Test
    void theDoorIsTheSecretAndSayingItIsConfiguredFetchesNothing() {
        assertEquals(true, keys.configured());
        assertEquals(false, keys.toString().contains(WireMockUpstream.SECRET_KEY));
        extension.verify(0, anyRequestedFor(anyUrl()));
    }
}
