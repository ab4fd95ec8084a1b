package io.github.pineconeimports.scan;

import static io.github.pineconeimports.support.Descriptors.DEPLOY;
import static io.github.pineconeimports.support.Descriptors.map;
import static io.github.pineconeimports.support.Descriptors.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import io.github.pineconeimports.support.Tools;

/**
 * The alert rules as Prometheus' own promtool reads them: both files pass {@code promtool check rules}, and
 * {@code promtool test rules} runs the unit tests in src/test/resources/prometheus/rules-test.yml, which say when
 * each alert fires and when it must not (two replicas, a restart, midnight, a failing replica).
 */
class AlertRulesTest {

    static final Path RULES = DEPLOY.resolve("kubernetes/prometheus-rules.yml");

    @Test
    void thePrometheusRuleHoldsTheRulesFileExactly() throws IOException {
        assertEquals(yaml("kubernetes/prometheus-rules.yml").get("groups"),
                map(yaml("kubernetes/prometheus-rule.yaml").get("spec")).get("groups"));
    }

    @Test
    void promtoolAcceptsBothFiles() throws Exception {
        assertPromtool(List.of("check", "rules", RULES.toString()), "SUCCESS: 7 rules found");
        Path spec = Files.createTempFile("prometheus-rule-spec", ".yml");
        Files.writeString(spec, new Yaml().dump(map(yaml("kubernetes/prometheus-rule.yaml").get("spec"))));
        assertPromtool(List.of("check", "rules", spec.toString()), "SUCCESS: 7 rules found");
    }

    @Test
    void eachAlertFiresWhenItShouldAndOnlyThen() throws Exception {
        Path tests = Files.createTempFile("rules-test", ".yml");
        Files.writeString(tests, Files.readString(Path.of("src/test/resources/prometheus/rules-test.yml"))
                .replace("  - RULES", "  - " + RULES.toAbsolutePath()));
        assertPromtool(List.of("test", "rules", tests.toString()), "SUCCESS");
    }

    /** Runs promtool and expects exit 0 and {@code said}. */
    static void assertPromtool(List<String> args, String said) throws Exception {
        List<String> command = new ArrayList<>(List.of(Tools.require("promtool", "prometheus").toString()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "promtool ended");
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), out);
        assertTrue(out.contains(said), out);
    }
}
