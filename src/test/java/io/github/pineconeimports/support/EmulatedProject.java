package io.github.pineconeimports.support;

import java.util.List;
import java.util.Map;

import io.github.pineconeimports.emulator.EmulatorProject;
import io.github.pineconeimports.emulator.EmulatorSettings;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A project of three emulated indexes (alpha, beta, gamma; 250 imports each, each its own data) behind an emulated
 * control plane on loopback, and the application pointed at that control plane instead of an index host.
 */
public class EmulatedProject implements QuarkusTestResourceLifecycleManager {

    public static final List<String> INDEXES = List.of("alpha", "beta", "gamma");
    private static EmulatorProject project;

    public static EmulatorProject project() {
        return project;
    }

    @Override
    public Map<String, String> start() {
        project = EmulatorProject.start(EmulatorSettings.defaults(), INDEXES);
        return Map.of("pinecone.controller-host", "http://127.0.0.1:" + project.port(),
                "pinecone.index-host", "",
                "pinecone.api-key", Emulator.KEY,
                "pinecone.index-cache-ttl", "0s",
                "pinecone-emulator.enabled", "false");
    }

    @Override
    public void stop() {
        if (project != null) {
            project.close();
        }
    }
}
