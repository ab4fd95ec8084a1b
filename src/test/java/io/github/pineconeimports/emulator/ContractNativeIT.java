package io.github.pineconeimports.emulator;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link ContractTest}, against the native executable: the native build runs it, the JVM build ran it in-process.
 */
@QuarkusIntegrationTest
class ContractNativeIT extends ContractTest {
}
