package io.github.pineconeimports.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import io.github.pineconeimports.emulator.EmulatorServer;
import io.github.pineconeimports.emulator.EmulatorSettings;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The packaged builds against Pinecone over HTTPS: an emulator (whose clock stands still) behind three TLS
 * stand-ins. The application trusts {@link #trusted}'s certificate and {@link #misnamed}'s (which names another
 * host) through {@code quarkus.tls.trust-store.pem.certs}, as a user would; {@link #untrusted}'s it does not know.
 * Its control plane is the trusted stand-in; no index host is configured, so a call names the index.
 */
public class TlsProject implements QuarkusTestResourceLifecycleManager {

    private static EmulatorServer emulator;
    private static TlsStandIn trusted;
    private static TlsStandIn untrusted;
    private static TlsStandIn misnamed;
    private static Path trustStore;

    /**
     * Made once per test JVM and kept until it ends: a command-line test starts the application (and so its test
     * resources) once per launch, while its stand-ins must stay the same.
     */
    private static synchronized void made() {
        if (emulator != null) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("tls-project");
            emulator = EmulatorServer.start(EmulatorSettings.defaults().withTime(Duration.ofDays(1000),
                    Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)));
            trusted = TlsStandIn.start(dir, "localhost", emulator.url());
            untrusted = TlsStandIn.start(dir, "localhost", emulator.url());
            misnamed = TlsStandIn.start(dir, "pinecone.invalid", emulator.url());
            trustStore = TlsStandIn.trustStore(dir, trusted.certificate(), misnamed.certificate());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot set up the TLS stand-ins", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (AutoCloseable closeable : new AutoCloseable[] { trusted, untrusted, misnamed, emulator }) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // the JVM is ending: the next one still closes
                }
            }
        }));
    }

    @Override
    public Map<String, String> start() {
        made();
        return Map.of("pinecone.index-host", "", "pinecone.controller-host", trusted.url(),
                "pinecone.api-key", Emulator.KEY, "quarkus.tls.trust-store.pem.certs", trustStore.toString());
    }

    public static EmulatorServer emulator() {
        made();
        return emulator;
    }

    public static TlsStandIn trusted() {
        made();
        return trusted;
    }

    public static TlsStandIn untrusted() {
        made();
        return untrusted;
    }

    public static TlsStandIn misnamed() {
        made();
        return misnamed;
    }

    @Override
    public void stop() {
        // kept for the next launch (see made)
    }
}
