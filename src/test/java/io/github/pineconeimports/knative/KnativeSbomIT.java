package io.github.pineconeimports.knative;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.pineconeimports.support.Sbom;

/** The Knative build's SBOM is its quarkus-app's libraries, no more, no less. */
class KnativeSbomIT {

    static final Path BUILD = Path.of(System.getProperty("project.build.directory", "target/knative"));

    @Test
    void theSbomListsExactlyTheLibrariesOfTheApp() throws Exception {
        Set<String> listed = Sbom.listed(BUILD.resolve("sbom.cdx.json"));
        Sbom.assertListsExactly(Sbom.shipped(BUILD.resolve("quarkus-app/lib")), listed);
        assertTrue(listed.stream().anyMatch(jar -> jar.startsWith("io.quarkus.quarkus-funqy-knative-events-")),
                listed.toString());
    }
}
