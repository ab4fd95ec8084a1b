package io.github.pineconeimports.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.github.pineconeimports.support.LambdaRuntimeApi;
import io.github.pineconeimports.support.PackagedLambda;
import io.github.pineconeimports.support.TlsStandIn;
import io.restassured.path.json.JsonPath;

/**
 * The packaged Lambda over HTTPS, run as AWS runs it, with {@code AWS_LAMBDA_RUNTIME_API} pointing at
 * {@link LambdaRuntimeApi} on loopback: {@code function.zip} unpacked and started by AWS's own Java runtime
 * client with the handler the SAM template names, or the native executable when the build made one.
 *
 * <p>Not a {@code @QuarkusIntegrationTest}: its launcher starts the JVM runner with {@code java -jar}, but on
 * the JVM a Lambda is driven by AWS's runtime calling the handler, so that runner never takes an event.
 */
class PackagedLambdaIT extends LambdaInvocations {

    static final String KEY = "pcsk_packaged_SECRET_91a7";
    static WireMockServer pinecone;
    static PackagedLambda function;

    @BeforeAll
    static void start() throws Exception {
        // Pinecone is only reached over HTTPS: so is its stand-in, its certificate trusted as a user would trust it
        TlsStandIn.Certificate certificate = TlsStandIn.Certificate.selfSigned(
                Files.createTempDirectory("packaged-lambda"), "localhost");
        pinecone = certificate.server();
        function = PackagedLambda.start(Map.of("PINECONE_INDEX_HOST", "https://localhost:" + pinecone.httpsPort(),
                "PINECONE_API_KEY", KEY, "QUARKUS_TLS_TRUST_STORE_PEM_CERTS", certificate.pem().toString()),
                "packaged-lambda.log");
    }

    @Test
    void noGeneratedTemplateNamesTheWrongHandler() throws Exception {
        Path build = Path.of(System.getProperty("lambda.build.directory", "target/lambda"));
        assertTrue(Files.exists(build.resolve("function.zip")), build.toString());
        for (String generated : List.of("sam.jvm.yaml", "sam.native.yaml", "manage.sh")) {
            assertFalse(Files.exists(build.resolve(generated)),
                    generated + " names Funqy's handler; deploy/aws/template.yaml is the template");
        }
    }

    @Test
    void aColdStartLogsNoWarning() throws Exception {
        invoke("{\"status\": [\"Bogus\"]}"); // once started and answered, whatever the order of the other tests
        Path log = Path.of(System.getProperty("project.build.directory", "target"),
                "packaged-lambda.log");
        List<String> warnings = Files.readAllLines(log).stream()
                .filter(line -> line.contains(" WARN ") || line.contains(" ERROR ") || line.startsWith("WARNING:"))
                .toList();
        assertEquals(List.of(), warnings, "every user's CloudWatch would show these");
    }

    @AfterAll
    static void stop() throws Exception {
        if (function != null) {
            function.close();
        }
        if (pinecone != null) {
            pinecone.stop();
        }
    }

    @Override
    WireMockServer pinecone() {
        return pinecone;
    }

    @Override
    String apiKey() {
        return KEY;
    }

    /** The JVM handler names each kind, and so does the native executable's loop (NamedErrorsLoop). */
    @Override
    boolean namesErrors() {
        return true;
    }

    @Override
    Answer invoke(String event) throws Exception {
        LambdaRuntimeApi.Answer answer = function.runtime.invoke(event);
        return new Answer(answer.error(), new JsonPath(answer.body()), answer.body());
    }
}
