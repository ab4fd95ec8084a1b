package io.github.pineconeimports.function;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link HostileInputTest}, against the native executable: the native build runs it, the JVM build ran it in-process.
 */
@QuarkusIntegrationTest
class HostileInputNativeIT extends HostileInputTest {
}
