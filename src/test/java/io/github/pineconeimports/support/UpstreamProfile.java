package io.github.pineconeimports.support;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The application pointed at {@link WireMockUpstream} instead of the emulator, with the short timeouts the fault
 * tests need, and every log a user can switch on (the REST client's request-response log as the Quarkus guide says,
 * everything else at TRACE): the console stays quiet, a test's own handler sees all. One profile for every test
 * against a stand-in upstream, so Quarkus boots once for them.
 */
public class UpstreamProfile implements QuarkusTestProfile {

    public static final long DEADLINE_MS = 10_000;
    public static final long READ_TIMEOUT_MS = 1_000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("imports.deadline", DEADLINE_MS + "ms", "pinecone.read-timeout", READ_TIMEOUT_MS + "ms",
                "pinecone.retry-delay", "50ms",
                "quarkus.rest-client.logging.scope", "request-response",
                "quarkus.log.category.\"org.jboss.resteasy.reactive.client.logging\".level", "DEBUG",
                "quarkus.log.level", "TRACE", "quarkus.log.min-level", "TRACE", "quarkus.log.console.level", "WARN");
    }

    /** The scan's time is the test's ({@code scan/ScanFaultTest}); nothing else here reads a clock. */
    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(ManualClock.class);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(WireMockUpstream.class));
    }
}
