package io.github.pineconeimports.function;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/**
 * {@link DefaultIndexTest}, against the native executable: the native build runs it, the JVM build ran it in-process.
 */
@QuarkusIntegrationTest
@TestProfile(IndexesTest.Project.class)
class DefaultIndexNativeIT extends DefaultIndexTest {
}
