package io.github.pineconeimports.lambda;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.pineconeimports.support.Sbom;

/** The Lambda build's SBOM is function.zip's libraries, no more, no less: none of the HTTP server's extras. */
class LambdaSbomIT {

    static final Path BUILD = Path.of(System.getProperty("lambda.build.directory", "target/lambda"));

    /** Libraries only the command line, the emulator or the HTTP server use: provided in the Lambda build. */
    static final List<String> NOT_IN_LAMBDA = List.of("info.picocli.picocli-", "io.quarkus.quarkus-picocli-",
            "io.quarkus.quarkus-vertx-http-", "io.vertx.vertx-web-", "io.quarkus.quarkus-smallrye-health-",
            "io.quarkus.quarkus-micrometer-registry-prometheus-");

    @Test
    void theSbomListsExactlyTheLibrariesOfFunctionZip() throws Exception {
        Set<String> listed = Sbom.listed(BUILD.resolve("sbom.cdx.json"));
        Sbom.assertListsExactly(Sbom.shippedIn(BUILD.resolve("function.zip")), listed);
        assertTrue(listed.stream().anyMatch(jar -> jar.startsWith("io.quarkus.quarkus-funqy-amazon-lambda-")),
                listed.toString());
        for (String library : NOT_IN_LAMBDA) {
            // the library itself, followed by its version: io.vertx.vertx-web-4..., not io.vertx.vertx-web-client-4...
            assertTrue(listed.stream().noneMatch(jar -> jar.startsWith(library)
                    && Character.isDigit(jar.charAt(library.length()))), library + " is not in the Lambda");
        }
    }
}
