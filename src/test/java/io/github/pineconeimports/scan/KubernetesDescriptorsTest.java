package io.github.pineconeimports.scan;

import static io.github.pineconeimports.support.Descriptors.list;
import static io.github.pineconeimports.support.Descriptors.map;
import static io.github.pineconeimports.support.Descriptors.yamlAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes/scan.yaml agrees with itself and with the application: the Service selects the pods and names
 * their port, the ServiceMonitor selects the Service and scrapes /q/metrics at least twice per scan interval, the
 * scan interval is one the application accepts, and the probes are the application's. The schemas are checked by
 * ManifestsIT, the rules by AlertRulesTest and PrometheusIT.
 */
class KubernetesDescriptorsTest {

    @Test
    void theObjectsFitTogetherAndTheApplication() throws Exception {
        Map<String, Map<String, Object>> byKind = new HashMap<>();
        for (Map<String, Object> doc : yamlAll("kubernetes/scan.yaml")) {
            byKind.put((String) doc.get("kind"), doc);
        }
        assertEquals(List.of("Deployment", "Service", "ServiceMonitor"), byKind.keySet().stream().sorted().toList());
        Map<String, Object> pod = map(map(byKind.get("Deployment").get("spec")).get("template"));
        Map<String, Object> container = map(list(map(pod.get("spec")).get("containers")).get(0));
        Map<String, Object> service = byKind.get("Service");
        Map<String, Object> monitor = map(byKind.get("ServiceMonitor").get("spec"));

        assertContains(map(map(pod.get("metadata")).get("labels")), map(map(service.get("spec")).get("selector")));
        Map<String, Object> servicePort = map(list(map(service.get("spec")).get("ports")).get(0));
        Map<String, Object> containerPort = map(list(container.get("ports")).get(0));
        assertEquals(containerPort.get("name"), servicePort.get("targetPort"));
        assertEquals(8080, containerPort.get("containerPort"), "Quarkus' port");

        assertContains(map(map(service.get("metadata")).get("labels")),
                map(map(monitor.get("selector")).get("matchLabels")));
        Map<String, Object> endpoint = map(list(monitor.get("endpoints")).get(0));
        assertEquals(servicePort.get("name"), endpoint.get("port"));
        assertEquals("/q/metrics", endpoint.get("path"));

        Map<String, Object> env = new HashMap<>();
        list(container.get("env")).forEach(e -> env.put((String) map(e).get("name"), map(e).get("value")));
        Duration interval = Duration.parse("PT" + env.get(ScanSettings.INTERVAL));
        new ScanSettings(interval, List.of()); // an interval the application accepts
        Duration scrape = Duration.parse("PT" + endpoint.get("interval"));
        assertTrue(scrape.multipliedBy(2).compareTo(interval) <= 0, "scraped at least twice per scan interval");
        assertTrue(env.keySet().containsAll(List.of("PINECONE_API_KEY", ScanSettings.INDEXES)), env.toString());

        assertEquals("/q/health/ready", map(map(container.get("readinessProbe")).get("httpGet")).get("path"));
        assertEquals("/q/health/live", map(map(container.get("livenessProbe")).get("httpGet")).get("path"));
    }

    private static void assertContains(Map<String, Object> labels, Map<String, Object> selector) {
        assertTrue(labels.entrySet().containsAll(selector.entrySet()), labels + " selected by " + selector);
    }
}
