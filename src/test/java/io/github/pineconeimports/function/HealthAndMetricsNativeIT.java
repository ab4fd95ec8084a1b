package io.github.pineconeimports.function;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link HealthAndMetricsTest}, against the native executable: the native build runs it,
 * the JVM build ran it in-process.
 */
@QuarkusIntegrationTest
class HealthAndMetricsNativeIT extends HealthAndMetricsTest {
}
