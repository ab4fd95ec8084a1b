package io.github.pineconeimports.support;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The application pointed at {@link WireMockUpstream} instead of the emulator. */
public class UpstreamProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(WireMockUpstream.class));
    }
}
