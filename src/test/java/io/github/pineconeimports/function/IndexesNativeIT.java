package io.github.pineconeimports.function;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/**
 * {@link IndexesTest}, against the native executable: the native build runs it, the JVM build ran it in-process.
 */
@QuarkusIntegrationTest
@TestProfile(IndexesTest.Project.class)
class IndexesNativeIT extends IndexesTest {
}
