package io.github.pineconeimports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.pineconeimports.support.Emulator;
import io.github.pineconeimports.support.TlsProject;
import io.github.pineconeimports.support.TlsStandIn;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/**
 * The packaged command line (the JVM jar, and the native executable in the native build) over HTTPS: by host and
 * by index name through the control plane, with a certificate trusted through quarkus.tls.trust-store.pem.certs;
 * a certificate it does not trust, or one for another host, stops the call before the key is sent.
 */
@QuarkusMainIntegrationTest
@QuarkusTestResource(value = TlsProject.class, restrictToAnnotatedClass = true)
class CliTlsIT {

    @Test
    void listsOverHttpsByHostAndByIndexName(QuarkusMainLauncher launcher) {
        List<String> failed = Emulator.idsWithStatus(TlsProject.emulator().store().list(0, 1000).data(), "Failed");
        LaunchResult byHost = launcher.launch("list", "--host", TlsProject.trusted().url(), "-s", "Failed",
                "-o", "ids");
        assertEquals(0, byHost.exitCode(), byHost.getErrorOutput());
        assertEquals(failed, byHost.getOutputStream());
        LaunchResult byName = launcher.launch("list", "--host", "", "--index", TlsStandIn.INDEX, "-s", "Failed", "-o",
                "ids");
        assertEquals(0, byName.exitCode(), byName.getErrorOutput());
        assertEquals(failed.stream().map(id -> TlsStandIn.INDEX + "/" + id).toList(), byName.getOutputStream());
    }

    @Test
    void aHandshakeCutShortIsAnOutageWorthRetryingNotASetting(QuarkusMainLauncher launcher) throws Exception {
        try (ServerSocket cut = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Thread closer = new Thread(() -> {
                while (!cut.isClosed()) {
                    try {
                        cut.accept().close();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            closer.setDaemon(true);
            closer.start();
            LaunchResult result = launcher.launch("list", "--host", "https://localhost:" + cut.getLocalPort(), "-o",
                    "ids");
            assertEquals(3, result.exitCode(), result.getErrorOutput());
            assertTrue(result.getErrorOutput().contains("Could not reach Pinecone"), result.getErrorOutput());
        }
    }

    @Test
    void aCertificateItDoesNotTrustStopsTheCallBeforeTheKeyIsSent(QuarkusMainLauncher launcher) {
        for (TlsStandIn refused : List.of(TlsProject.untrusted(), TlsProject.misnamed())) {
            LaunchResult result = launcher.launch("list", "--host", refused.url(), "-o", "ids");
            assertEquals(2, result.exitCode(), "a setting to fix, not an outage to retry: " + result.getErrorOutput());
            String said = result.getErrorOutput();
            assertTrue(said.startsWith("pinecone-imports: TLS with " + refused.url().substring("https://".length())
                    + " failed (") && said.contains("QUARKUS_TLS_TRUST_STORE_PEM_CERTS"), said);
            assertFalse(said.contains(Emulator.KEY) || said.contains("\tat "), said);
            assertTrue(refused.server().getAllServeEvents().isEmpty(), "no request reached it, so no key did");
        }
    }
}
