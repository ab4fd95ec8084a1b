package io.github.pineconeimports.knative;

import static io.github.pineconeimports.support.Descriptors.list;
import static io.github.pineconeimports.support.Descriptors.map;
import static io.github.pineconeimports.support.Descriptors.validInput;
import static io.github.pineconeimports.support.Descriptors.yamlAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.github.pineconeimports.client.Connection;
import io.github.pineconeimports.client.IndexHost;
import io.github.pineconeimports.function.knative.ListImportsEvents;
import io.github.pineconeimports.imports.ImportQuery;
import io.github.pineconeimports.imports.ImportStatus;
import io.github.pineconeimports.imports.Mode;
import io.quarkus.funqy.Funq;
import io.quarkus.funqy.knative.events.CloudEvent;

/**
 * deploy/knative agrees with the Knative build: where key and host come from, the probes, the function every
 * event reaches, the PingSource's input, and the Triggers' event types.
 */
class KnativeDescriptorsTest {

    @Test
    void theServiceTakesKeyAndHostFromASecret() throws Exception {
        Map<String, Object> container = map(list(map(map(map(yamlAll("knative/service.yaml").get(0).get("spec"))
                .get("template")).get("spec")).get("containers")).get(0));
        Map<String, String> secretRefs = new LinkedHashMap<>();
        for (Object e : list(container.get("env"))) {
            Map<String, Object> env = map(e);
            Map<String, Object> ref = map(map(env.get("valueFrom")).get("secretKeyRef"));
            secretRefs.put((String) env.get("name"), ref.get("name") + "/" + ref.get("key"));
        }
        assertEquals(Map.of(Connection.API_KEY_VARIABLE, "pinecone/api-key", IndexHost.VARIABLE, "pinecone/index-host",
                Connection.INDEX_VARIABLE, "pinecone/index"), secretRefs, "key, and a host or a name, from the Secret");
        assertEquals("/q/health/ready", map(map(container.get("readinessProbe")).get("httpGet")).get("path"));
    }

    @Test
    void everyEventReachesTheEventFunction() throws Exception {
        Properties binding = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
            binding.load(in);
        }
        assertEquals(ListImportsEvents.class.getMethod("listImportsEvent", CloudEvent.class)
                .getAnnotation(Funq.class).value(), binding.getProperty("quarkus.funqy.export"));
    }

    @Test
    void thePingSourceReportsWhatEndedInItsPeriodAndTheTriggersRouteByType() throws Exception {
        List<Map<String, Object>> eventing = yamlAll("knative/eventing.yaml");
        Map<String, Object> ping = map(eventing.stream().filter(r -> "PingSource".equals(r.get("kind"))).findFirst()
                .orElseThrow().get("spec"));
        assertEquals("application/json", ping.get("contentType"));
        ImportQuery query = validInput((String) ping.get("data"));
        assertEquals(java.util.Set.of(ImportStatus.FAILED, ImportStatus.CANCELLED), query.statuses());
        assertEquals(Mode.ALL, query.mode());
        assertEquals("*/15 * * * *", ping.get("schedule"));
        assertEquals(Duration.ofMinutes(15), Duration.between(query.finished().since(), query.finished().until()),
                "the window is the schedule's period, so pings tile time");
        List<String> triggerTypes = eventing.stream().filter(r -> "Trigger".equals(r.get("kind")))
                .map(r -> (String) map(map(map(r.get("spec")).get("filter")).get("attributes")).get("type")).toList();
        assertTrue(triggerTypes.contains(ListImportsEvents.FOUND), "a Trigger routes answers that found imports on");
        assertTrue(!triggerTypes.contains(ListImportsEvents.NOTHING), "no Trigger routes empty answers");
        assertTrue(triggerTypes.contains("dev.knative.sources.ping"), "a Trigger routes the schedule to the function");
    }
}
