package io.github.pineconeimports.function;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.github.pineconeimports.support.UpstreamProfile;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/**
 * {@link UpstreamFailureTest}, against the native executable: the native build runs it, the JVM build ran it
 * in-process.
 */
@QuarkusIntegrationTest
@TestProfile(UpstreamFailureNativeIT.Packaged.class)
class UpstreamFailureNativeIT extends UpstreamFailureTest {

    /** The upstream profile without what only a new build could change: its clock and its minimum log level. */
    public static class Packaged extends UpstreamProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of();
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.remove("quarkus.log.min-level");
            return overrides;
        }
    }
}
