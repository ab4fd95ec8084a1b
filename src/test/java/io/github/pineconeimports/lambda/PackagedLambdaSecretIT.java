package io.github.pineconeimports.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.github.pineconeimports.support.LambdaRuntimeApi;
import io.github.pineconeimports.support.PackagedLambda;
import io.restassured.path.json.JsonPath;

/**
 * The packaged Lambda as the SAM template deploys it: no key in its environment, only the name of the secret,
 * read at run time through a stand-in of the AWS Parameters and Secrets extension's local HTTP API, on the first
 * invocation and not during initialisation (where a SnapStart snapshot would keep it).
 */
class PackagedLambdaSecretIT {

    static final String KEY = "pcsk_fromsecret_SECRET_5c1d";
    static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjE-packaged-token";
    static WireMockServer pinecone;
    static WireMockServer extension;
    static PackagedLambda function;

    @BeforeAll
    static void start() throws Exception {
        pinecone = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        extension = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        pinecone.start();
        extension.start();
        pinecone.stubFor(get(urlPathEqualTo("/bulk/imports")).withHeader("Api-Key", equalTo(KEY))
                .willReturn(okJson("{\"data\": [{\"id\": \"1\", \"uri\": \"s3://b/1/\", \"status\": \"Failed\"}]}")));
        function = PackagedLambda.start(Map.of("PINECONE_INDEX_HOST", "http://127.0.0.1:" + pinecone.port(),
                "PINECONE_API_KEY_SECRET", "pinecone/api-key", "AWS_SESSION_TOKEN", SESSION_TOKEN,
                "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", String.valueOf(extension.port())),
                "packaged-lambda-secret.log");
    }

    @AfterAll
    static void stop() throws Exception {
        if (function != null) {
            function.close();
        }
        pinecone.stop();
        extension.stop();
    }

    @Test
    void theKeyIsReadAtRunTimeNeverAtStartUp() throws Exception {
        function.runtime.awaitFirstPoll();
        extension.verify(0, anyRequestedFor(anyUrl()));

        extension.stubFor(get(urlPathEqualTo("/secretsmanager/get")).willReturn(aResponse().withStatus(403)
                .withBody("{\"__type\": \"AccessDeniedException\"}")));
        LambdaRuntimeApi.Answer refused = function.runtime.invoke("{\"all\": true}");
        assertTrue(refused.error(), refused.body());
        assertTrue(refused.body().contains("PINECONE_API_KEY_SECRET") && refused.body().contains("answered 403"),
                refused.body());
        assertFalse(refused.body().contains(SESSION_TOKEN));
        pinecone.verify(0, anyRequestedFor(anyUrl()));

        extension.stubFor(get(urlPathEqualTo("/secretsmanager/get"))
                .willReturn(okJson("{\"Name\": \"pinecone/api-key\","
                        + " \"SecretString\": \"" + KEY + "\", \"VersionStages\": [\"AWSCURRENT\"]}")));
        LambdaRuntimeApi.Answer answer = function.runtime.invoke("{\"all\": true}");
        assertFalse(answer.error(), answer.body());
        assertEquals("1", new JsonPath(answer.body()).getString("data[0].id"));
        extension.verify(getRequestedFor(urlPathEqualTo("/secretsmanager/get"))
                .withQueryParam("secretId", equalTo("pinecone/api-key"))
                .withHeader("X-Aws-Parameters-Secrets-Token", equalTo(SESSION_TOKEN)));
        assertFalse(answer.body().contains(KEY));
    }
}
