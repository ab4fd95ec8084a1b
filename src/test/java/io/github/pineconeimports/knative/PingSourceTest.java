package io.github.pineconeimports.knative;

import static io.github.pineconeimports.support.Descriptors.map;
import static io.github.pineconeimports.support.Descriptors.yamlAll;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.pineconeimports.emulator.EmulatorMount;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * deploy/knative/eventing.yaml, executed as far as it can be without a cluster: the function is sent the CloudEvent
 * exactly as the PingSource sends it (binary mode: type {@code dev.knative.sources.ping}, source
 * {@code /apis/v1/namespaces/<ns>/pingsources/<name>}, its {@code ceOverrides} extensions, its data and content
 * type, the time it fired), in any namespace; the Broker's Trigger filters (exact attribute matches, read from the
 * file) must let that event through to the function, and route the function's reply to the alerts only when it
 * found imports, never back to the function.
 */
@QuarkusTest
class PingSourceTest {

    /** A time the schedule fires at ("*&#47;15 * * * *"), long before the emulator's own imports. */
    static final Instant FIRED = Instant.parse("2026-01-05T12:15:00Z");

    @Inject
    EmulatorMount emulator;

    Map<String, Object> pingSource;
    Map<String, Object> scheduleFilter;
    Map<String, Object> alertFilter;

    @BeforeEach
    void readTheManifests() throws Exception {
        emulator.store().reset(250, 42);
        List<Map<String, Object>> eventing = yamlAll("knative/eventing.yaml");
        pingSource = eventing.stream().filter(r -> "PingSource".equals(r.get("kind"))).findFirst().orElseThrow();
        for (Map<String, Object> resource : eventing) {
            if ("Trigger".equals(resource.get("kind"))) {
                Map<String, Object> spec = map(resource.get("spec"));
                Map<String, Object> filter = map(map(spec.get("filter")).get("attributes"));
                String subscriber = (String) map(map(spec.get("subscriber")).get("ref")).get("name");
                if (subscriber.equals("pinecone-imports")) {
                    scheduleFilter = filter;
                } else if (subscriber.equals("import-alerts")) {
                    alertFilter = filter;
                }
            }
        }
        assertTrue(scheduleFilter != null && alertFilter != null, "a Trigger to the function and one to the alerts");
        assertFalse(String.valueOf(eventing).contains("namespace"),
                "the manifests name no namespace: they apply in any");
    }

    @ParameterizedTest
    @ValueSource(strings = { "default", "team-imports" })
    void aPingThatFindsFailedImportsIsRoutedToTheAlerts(String namespace) {
        // one import failed inside the window that ends when the ping fired, one just before it
        String uri = "s3://acme/nightly-fail/";
        Duration run = emulator.store().finishesAfter(uri);
        emulator.store().start(uri, FIRED.minus(Duration.ofMinutes(5)).minus(run));
        emulator.store().start("s3://acme/earlier-fail/", FIRED.minus(Duration.ofMinutes(16)).minus(run));
        Map<String, String> ping = ping(namespace);
        assertTrue(matches(scheduleFilter, ping),
                "the schedule's Trigger lets the ping through in namespace " + namespace + ": " + ping);

        Response reply = send(ping);

        Map<String, String> attributes = attributes(reply);
        assertTrue(matches(alertFilter, attributes), "the reply goes on to the alerts: " + attributes);
        assertFalse(matches(scheduleFilter, attributes), "and never back to the function");
        JsonPath data = reply.jsonPath();
        assertEquals(List.of(uri), data.getList("data.uri"));
        assertEquals(List.of("Failed"), data.getList("data.status"));
        assertEquals(FIRED.minus(Duration.ofMinutes(15)).toString(), data.getString("summary.finishedSince"));
        assertEquals(FIRED.toString(), data.getString("summary.finishedUntil"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "default", "team-imports" })
    void aPingThatFindsNothingGoesNowhere(String namespace) {
        Map<String, String> ping = ping(namespace);
        assertTrue(matches(scheduleFilter, ping));

        Response reply = send(ping);

        Map<String, String> attributes = attributes(reply);
        assertFalse(matches(alertFilter, attributes), "an empty answer is not an alert: " + attributes);
        assertFalse(matches(scheduleFilter, attributes));
        assertTrue(reply.jsonPath().getList("data").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = { "default", "team-imports" })
    void aWaitersCountsAreNeverAnAlert(String namespace) {
        emulator.store().start("s3://acme/nightly-fail/", FIRED.minus(Duration.ofHours(1)));
        Map<String, String> poll = ping(namespace);
        poll.put("data", "{\"counts\": true, \"status\": [\"Failed\"]}");

        Response reply = send(poll);

        assertTrue(reply.jsonPath().getInt("matched.total") > 0, reply.asString());
        assertFalse(matches(alertFilter, attributes(reply)),
                "counts, even of failed imports, page no one: " + attributes(reply));
    }

    /** The attributes a PingSource in {@code namespace} stamps on its event, with its ceOverrides extensions. */
    private Map<String, String> ping(String namespace) {
        Map<String, Object> spec = map(pingSource.get("spec"));
        Map<String, String> event = new HashMap<>();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("type", "dev.knative.sources.ping");
        event.put("source",
                "/apis/v1/namespaces/" + namespace + "/pingsources/" + map(pingSource.get("metadata")).get("name"));
        event.put("time", FIRED.toString());
        Object overrides = spec.get("ceOverrides");
        if (overrides != null) {
            map(map(overrides).get("extensions")).forEach((name, value) -> event.put(name, String.valueOf(value)));
        }
        event.put("datacontenttype", (String) spec.get("contentType"));
        event.put("data", (String) spec.get("data"));
        return event;
    }

    /** Binary content mode, as the Broker delivers it: attributes as ce- headers, data as the body. */
    private static Response send(Map<String, String> event) {
        var request = given();
        for (Map.Entry<String, String> attribute : event.entrySet()) {
            if (!attribute.getKey().equals("data") && !attribute.getKey().equals("datacontenttype")) {
                request.header("ce-" + attribute.getKey(), attribute.getValue());
            }
        }
        Response reply = request.contentType(event.get("datacontenttype")).body(event.get("data")).post("/");
        assertEquals(200, reply.statusCode(), reply.asString());
        return reply;
    }

    private static Map<String, String> attributes(Response reply) {
        Map<String, String> attributes = new HashMap<>();
        reply.headers().forEach(h -> {
            if (h.getName().toLowerCase().startsWith("ce-")) {
                attributes.put(h.getName().substring(3).toLowerCase(), h.getValue());
            }
        });
        assertNull(attributes.get("data"));
        return attributes;
    }

    /** A Trigger's attribute filter: every attribute it names must be present with exactly that value. */
    private static boolean matches(Map<String, Object> filter, Map<String, String> event) {
        return filter.entrySet().stream().allMatch(f -> String.valueOf(f.getValue()).equals(event.get(f.getKey())));
    }
}
