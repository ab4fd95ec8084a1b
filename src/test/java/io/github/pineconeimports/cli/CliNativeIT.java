package io.github.pineconeimports.cli;

import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;

/**
 * {@link CliTest}, every command, output and exit code, against the native executable (the native build runs it;
 * the JVM build ran it in-process). Exit code 5, a bug of ours, cannot be caused in a correct executable: its row
 * is proven as in CliTest, by the command line without its injections.
 */
@QuarkusMainIntegrationTest
class CliNativeIT extends CliTest {
}
