package io.github.pineconeimports.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.github.pineconeimports.client.Connection;
import io.github.pineconeimports.client.PineconeConfig;
import io.github.pineconeimports.imports.ImportLister;
import io.github.pineconeimports.imports.ImportQuery;
import io.github.pineconeimports.imports.ImportStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Benchmark harness (run by src/bench/run.sh, never by mvn verify): a full scan that keeps the Failed imports,
 * our engine in-process against the floor, side by side in this one JVM. Writes target/bench/engine.tsv.
 */
@QuarkusTest
@TestProfile(FullScanBench.NoEmulator.class)
class FullScanBench {

    public static class NoEmulator implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pinecone-emulator.enabled", "false", "quarkus.log.level", "WARN");
        }
    }

    @Inject
    ImportLister lister;

    @Inject
    PineconeConfig config;

    @Test
    void fullScan() throws Exception {
        String host = System.getProperty("bench.host", "127.0.0.1:5090");
        String key = System.getProperty("bench.key", "pclocal-emulator-key");
        Connection emulator = Connection.of(config).withIndexHost("http://" + host).withApiKey(key);
        ImportQuery failed = ImportQuery.builder().statuses(Set.of(ImportStatus.FAILED)).all(true).build();
        String results = SideBySide.run(List.of("engine", "httpclient-floor"),
                List.of(() -> lister.list(failed, emulator).data().size(), SideBySide.floor(host, key)),
                Integer.getInteger("bench.warmup", 5), Integer.getInteger("bench.rounds", 15));
        Path file = Path.of("target", "bench", "engine.tsv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, results);
    }
}
