package io.github.pineconeimports.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.pineconeimports.client.IndexHost;
import io.github.pineconeimports.client.Connection;
import io.github.pineconeimports.function.ListImportsFunction;
import io.github.pineconeimports.function.ListImportsInput;
import io.github.pineconeimports.imports.ImportStatus;
import io.quarkus.funqy.Funq;

/**
 * Everything under deploy/ agrees with the code: handler and runtimes, the exported function, environment
 * variable names, where the key comes from, event types, and that every constant input is a valid query.
 */
class DeployDescriptorsTest {

    static final Path DEPLOY = Path.of("deploy");
    static final ObjectMapper JSON = new ObjectMapper();
    static final String JVM_HANDLER = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest";

    @Test
    void samTemplateMatchesTheLambdaBuild() throws Exception {
        Map<String, Object> function = map(map(yaml("aws/template.yaml").get("Resources")).get("ListImportsFunction"));
        assertEquals("AWS::Serverless::Function", function.get("Type"));
        Map<String, Object> props = map(function.get("Properties"));
        assertEquals("../../target/lambda/function.zip", props.get("CodeUri"), "the zip mvn package -Plambda leaves");
        assertEquals(List.of("IsNative", "provided.al2023", "java21"), ifBranches(props.get("Runtime")));
        assertEquals(JVM_HANDLER, ifBranches(props.get("Handler")).get(2));
        assertEquals(Map.of("ApplyOn", "PublishedVersions"), ifBranches(props.get("SnapStart")).get(2), "SnapStart on the JVM");
        assertTrue(((Number) props.get("Timeout")).intValue() <= 30);
        Map<String, Object> env = map(map(props.get("Environment")).get("Variables"));
        assertTrue(env.containsKey(IndexHost.VARIABLE));
        assertEquals(Map.of("Fn::Sub", "{{resolve:secretsmanager:${ApiKeySecret}}}"), env.get(Connection.API_KEY_VARIABLE),
                "the key comes from Secrets Manager, never inline");
        assertEquals("AWS_IAM", map(props.get("FunctionUrlConfig")).get("AuthType"));
        Map<String, Object> schedule = map(map(map(props.get("Events")).get("FailedImports")).get("Properties"));
        assertValidInput((String) schedule.get("Input"));
    }

    @Test
    void stateMachineCallsTheFunctionWithValidInputAndReadsRealFields() throws Exception {
        Map<String, Object> asl = JSON.readValue(DEPLOY.resolve("aws/wait-for-imports.asl.json").toFile(), Map.class);
        Map<String, Object> states = map(asl.get("States"));
        assertTrue(states.containsKey(asl.get("StartAt")));
        List<String> variables = new ArrayList<>();
        for (Object s : states.values()) {
            Map<String, Object> state = map(s);
            if ("Task".equals(state.get("Type"))) {
                Map<String, Object> payload = new LinkedHashMap<>(map(map(state.get("Parameters")).get("Payload")));
                // a "field.$" is a path into the state input; give it a sample value of the right kind
                new ArrayList<>(payload.keySet()).stream().filter(k -> k.endsWith(".$")).forEach(k -> {
                    payload.remove(k);
                    payload.put(k.substring(0, k.length() - 2), "2026-11-28T00:00:00Z");
                });
                assertValidInput(JSON.writeValueAsString(payload));
                assertEquals("$.Payload.summary.byStatus", map(state.get("ResultSelector")).get("byStatus.$"));
            }
            if (state.get("Next") != null) {
                assertTrue(states.containsKey(state.get("Next")), "state " + state.get("Next") + " exists");
            }
            collectVariables(state, variables);
        }
        assertFalse(variables.isEmpty());
        for (String variable : variables) {
            String status = variable.substring(variable.lastIndexOf('.') + 1);
            assertTrue(ImportStatus.NAMES.contains(status), variable + " names a status the summary counts");
        }
    }

    @Test
    void knativeDescriptorsMatchTheKnativeBuild() throws Exception {
        List<Map<String, Object>> service = yamlAll("knative/service.yaml");
        Map<String, Object> container = map(list(map(map(map(service.get(0).get("spec")).get("template")).get("spec"))
                .get("containers")).get(0));
        Map<String, String> secretRefs = new LinkedHashMap<>();
        for (Object e : list(container.get("env"))) {
            Map<String, Object> env = map(e);
            Map<String, Object> ref = map(map(env.get("valueFrom")).get("secretKeyRef"));
            secretRefs.put((String) env.get("name"), ref.get("name") + "/" + ref.get("key"));
        }
        assertEquals(Map.of(Connection.API_KEY_VARIABLE, "pinecone/api-key", IndexHost.VARIABLE, "pinecone/index-host"),
                secretRefs, "key and host come from a Secret");
        assertEquals("/q/health/ready", map(map(container.get("readinessProbe")).get("httpGet")).get("path"));

        Properties app = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            app.load(in);
        }
        String exported = app.getProperty("quarkus.funqy.export");
        assertEquals(ListImportsFunction.class.getMethod("listImports", ListImportsInput.class).getAnnotation(Funq.class).value(),
                exported, "the exported function is the one the code declares");
        // Funqy's default response type, asserted by CloudEventsTest against the running Knative build
        String responseType = app.getProperty("quarkus.funqy.knative-events.mapping." + exported + ".response-type",
                exported + ".output");
        assertEquals("listImports.output", responseType);

        List<Map<String, Object>> eventing = yamlAll("knative/eventing.yaml");
        Map<String, Object> ping = eventing.stream().filter(r -> "PingSource".equals(r.get("kind"))).findFirst().orElseThrow();
        assertEquals("application/json", map(ping.get("spec")).get("contentType"));
        assertValidInput((String) map(ping.get("spec")).get("data"));
        List<String> triggerTypes = eventing.stream().filter(r -> "Trigger".equals(r.get("kind")))
                .map(r -> (String) map(map(map(r.get("spec")).get("filter")).get("attributes")).get("type")).toList();
        assertTrue(triggerTypes.contains(responseType), "a Trigger routes the function's answers on");
        assertTrue(triggerTypes.contains("dev.knative.sources.ping"), "a Trigger routes the schedule to the function");
    }

    private static void assertValidInput(String json) throws IOException {
        assertNotNull(json);
        ListImportsInput input = JSON.readValue(json, ListImportsInput.class);
        assertNotNull(input.toQuery(), json);
    }

    @SuppressWarnings("unchecked")
    private static void collectVariables(Object node, List<String> into) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if ("Variable".equals(k)) {
                    into.add((String) v);
                }
                collectVariables(v, into);
            });
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectVariables(v, into));
        }
    }

    private static List<Object> ifBranches(Object node) {
        return list(map(node).get("Fn::If"));
    }

    private static Map<String, Object> yaml(String file) throws IOException {
        return yaml(DEPLOY.resolve(file));
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new Yaml().load(in);
        }
    }

    private static List<Map<String, Object>> yamlAll(String file) throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (InputStream in = Files.newInputStream(DEPLOY.resolve(file))) {
            new Yaml().loadAll(in).forEach(d -> docs.add(map(d)));
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }
}
