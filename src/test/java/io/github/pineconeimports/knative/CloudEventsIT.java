package io.github.pineconeimports.knative;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same CloudEvents checks against the packaged Knative build (JVM here, native where GraalVM exists). */
@QuarkusIntegrationTest
class CloudEventsIT extends CloudEventsTest {
}
