package io.github.pineconeimports.scan;

import static io.github.pineconeimports.support.Descriptors.DEPLOY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes against the schemas of the Kubernetes API and the Prometheus Operator's CRDs, as the npm package
 * kubernetes-models holds them (installed under target/node by the build): every object valid, and a manifest with
 * a wrong type or a malformed duration refused, so the check is known to bite.
 */
class ManifestsIT {

    static final Path NODE = Path.of(System.getProperty("project.build.directory", "target"), "node");

    @Test
    void theManifestsFitTheirSchemas() throws Exception {
        String out = validate(0, DEPLOY.resolve("kubernetes/scan.yaml"),
                DEPLOY.resolve("kubernetes/prometheus-rule.yaml"));
        assertEquals(List.of("Deployment pinecone-imports: valid", "Service pinecone-imports: valid",
                "ServiceMonitor pinecone-imports: valid", "PrometheusRule pinecone-imports: valid"),
                out.lines().map(line -> line.substring(line.indexOf(": ") + 2)).toList());
    }

    @Test
    void aManifestThatDoesNotFitIsRefused() throws Exception {
        Path broken = Files.createTempFile(NODE, "broken", ".yaml");
        Files.writeString(broken, Files.readString(DEPLOY.resolve("kubernetes/scan.yaml"))
                .replace("  replicas: 1", "  replicas: one").replace("interval: 30s", "interval: half a minute"));
        String out = validate(1, broken);
        assertTrue(out.contains("spec/replicas must be integer"), out);
        assertTrue(out.contains("endpoints/0/interval must match pattern"), out);
    }

    /** Runs src/test/node/validate-manifests.mjs beside the installed packages; expects {@code exit}. */
    private static String validate(int exit, Path... files) throws Exception {
        Path script = Files.copy(Path.of("src/test/node/validate-manifests.mjs"),
                NODE.resolve("validate-manifests.mjs"),
                StandardCopyOption.REPLACE_EXISTING);
        List<String> command = new ArrayList<>(List.of("node", script.toString()));
        for (Path file : files) {
            command.add(file.toString());
        }
        Process node = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(node.waitFor(60, TimeUnit.SECONDS), "the validator ended");
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(exit, node.exitValue(), out);
        return out;
    }
}
