package io.github.pineconeimports.lambda;

import static io.restassured.RestAssured.given;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.github.pineconeimports.support.UpstreamProfile;
import io.github.pineconeimports.support.WireMockUpstream;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** The Lambda invocations in test mode, through Quarkus' mock Lambda event server. Runs with {@code -Plambda}. */
@QuarkusTest
@TestProfile(UpstreamProfile.class)
class LambdaInvocationsTest extends LambdaInvocations {

    @Override
    WireMockServer pinecone() {
        return WireMockUpstream.server();
    }

    @Override
    String apiKey() {
        return WireMockUpstream.SECRET_KEY;
    }

    @Override
    boolean namesErrors() {
        return false;
    }

    @Override
    Answer invoke(String event) {
        // RestAssured points at the mock event server, which answers 500 with {errorType, errorMessage} on failure
        Response response = given().contentType("application/json").accept("application/json").body(event).post();
        return new Answer(response.statusCode() != 200, response.jsonPath(), response.asString());
    }
}
