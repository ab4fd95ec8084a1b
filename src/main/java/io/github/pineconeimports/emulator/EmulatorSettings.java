package io.github.pineconeimports.emulator;

import java.time.Clock;
import java.time.Duration;

/**
 * How an emulator starts: where it listens, the key it accepts, and the imports it holds (how many, from which
 * seed, how fast they progress, on which clock). Start from {@link #defaults()} and change what differs. The
 * defaults are here once, as text, for the settings ({@link EmulatorConfig}) and the command's flags to show.
 */
public record EmulatorSettings(String host, int port, String apiKey, int imports, long seed, Duration tick,
        Clock clock) {

    /** The only key an emulator accepts unless told otherwise: well known, so that demos and tests need no secret. */
    public static final String API_KEY = "pclocal-emulator-key";
    public static final String HOST = "127.0.0.1";
    public static final String IMPORTS = "250";
    public static final String SEED = "42";
    /** Written as ISO-8601's time part (1s, 2m), which the settings and the flags read as they read their own. */
    public static final String TICK = "1s";

    /** Loopback, a free port, the well-known key, 250 imports from seed 42, one step a second, the system clock. */
    public static EmulatorSettings defaults() {
        return new EmulatorSettings(HOST, 0, API_KEY, Integer.parseInt(IMPORTS), Long.parseLong(SEED),
                Duration.parse("PT" + TICK), Clock.systemUTC());
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
