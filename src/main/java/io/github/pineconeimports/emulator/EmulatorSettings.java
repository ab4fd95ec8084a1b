package io.github.pineconeimports.emulator;

import java.time.Clock;
import java.time.Duration;

/**
 * How an emulator starts: where it listens, the key it accepts, and the imports it holds (how many, from which
 * seed, how fast they progress, on which clock). Start from {@link #defaults()} and change what differs.
 */
public record EmulatorSettings(String host, int port, String apiKey, int imports, long seed, Duration tick,
        Clock clock) {

    /** Loopback, a free port, the well-known key, 250 imports from seed 42, one step a second, the system clock. */
    public static EmulatorSettings defaults() {
        return new EmulatorSettings("127.0.0.1", 0, "pclocal-emulator-key", 250, 42, Duration.ofSeconds(1),
                Clock.systemUTC());
    }

    /** Never prints the key, even the emulator's. */
    @Override
    public String toString() {
        return "EmulatorSettings[" + host + ":" + port + ", imports=" + imports + ", seed=" + seed + ", tick=" + tick
                + "]";
    }

    public EmulatorSettings listening(String onHost, int onPort) {
        return new EmulatorSettings(onHost, onPort, apiKey, imports, seed, tick, clock);
    }

    public EmulatorSettings withApiKey(String key) {
        return new EmulatorSettings(host, port, key, imports, seed, tick, clock);
    }

    /** {@code count} imports generated from {@code fromSeed}. */
    public EmulatorSettings withImports(int count, long fromSeed) {
        return new EmulatorSettings(host, port, apiKey, count, fromSeed, tick, clock);
    }

    /** Imports progress one step per {@code step} of {@code on}. */
    public EmulatorSettings withTime(Duration step, Clock on) {
        return new EmulatorSettings(host, port, apiKey, imports, seed, step, on);
    }
}
