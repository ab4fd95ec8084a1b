package io.github.pineconeimports.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A build's CycloneDX SBOM (target/sbom.cdx.json) set beside what its artifact ships, both as the jar names
 * Quarkus gives libraries: {@code groupId.artifactId-version[-classifier].jar}.
 */
public final class Sbom {

    private Sbom() {
    }

    /**
     * The libraries the SBOM lists. cyclonedx-maven-plugin runs only online (Maven skips it in an offline build), so
     * an offline build has no SBOM to check; an online one must have it.
     */
    public static Set<String> listed(Path sbom) throws IOException {
        if (!Files.exists(sbom) && "offline:true".equals(System.getProperty("build.mode"))) {
            Assumptions.abort("an offline build makes no SBOM (cyclonedx-maven-plugin needs online mode): " + sbom);
        }
        Set<String> jars = new TreeSet<>();
        for (JsonNode component : new ObjectMapper().readTree(sbom.toFile()).path("components")) {
            String purl = component.path("purl").asText();
            String classifier = purl.contains("classifier=")
                    ? "-" + purl.replaceAll(".*classifier=([^&]+).*", "$1") : "";
            jars.add(component.path("group").asText() + "." + component.path("name").asText() + "-"
                    + component.path("version").asText() + classifier + ".jar");
        }
        return jars;
    }

    /** That the SBOM lists what ships, no more, no less; a failure names the differences alone. */
    public static void assertListsExactly(Set<String> shipped, Set<String> listed) {
        Set<String> missing = new TreeSet<>(shipped);
        missing.removeAll(listed);
        Set<String> extra = new TreeSet<>(listed);
        extra.removeAll(shipped);
        Assertions.assertTrue(missing.isEmpty() && extra.isEmpty() && !shipped.isEmpty(),
                "shipped but not in the SBOM: " + missing + "; in the SBOM but not shipped: " + extra);
    }

    /** The libraries under a folder (a quarkus-app/lib). */
    public static Set<String> shipped(Path lib) throws IOException {
        try (Stream<Path> files = Files.walk(lib)) {
            return name(files.filter(f -> f.toString().endsWith(".jar")).map(f -> f.getFileName().toString()));
        }
    }

    /** The libraries in a zip's lib/ (a Lambda function.zip). */
    public static Set<String> shippedIn(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return name(file.stream().map(e -> e.getName()).filter(n -> n.startsWith("lib/") && n.endsWith(".jar"))
                    .map(n -> n.substring(n.lastIndexOf('/') + 1)));
        }
    }

    // Quarkus ships the jars it rewrites under "modified-" and their own name
    private static Set<String> name(Stream<String> jars) {
        return jars.map(n -> n.startsWith("modified-") ? n.substring("modified-".length()) : n)
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
}
