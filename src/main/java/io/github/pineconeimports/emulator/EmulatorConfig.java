package io.github.pineconeimports.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The built-in emulator of Pinecone's bulk-import API on this application's port ({@code PINECONE_EMULATOR_*}):
 * {@link EmulatorSettings} read from configuration, with the same defaults.
 */
@ConfigMapping(prefix = "pinecone-emulator")
public interface EmulatorConfig {

    /** Serve {@code /bulk/imports} on this application's HTTP port. On in dev and test, off in prod. */
    @WithDefault("false")
    boolean enabled();

    /** The only {@code Api-Key} the emulator accepts. */
    @WithDefault(EmulatorSettings.API_KEY)
    String apiKey();

    /** How many imports it starts with, in every status. */
    @WithDefault(EmulatorSettings.IMPORTS)
    int imports();

    /** Seed of the generated imports: the same seed gives the same data. */
    @WithDefault(EmulatorSettings.SEED)
    long seed();

    /** One step of an import started with POST: Pending for one tick, InProgress for ten, then done. */
    @WithDefault(EmulatorSettings.TICK)
    Duration tick();

    /**
     * Where the emulator's clock starts (it runs on from there); without it, now. With a start time and a seed,
     * every import is created and finishes at the same instants on every run: windows over them give the same
     * answers in every demo.
     */
    Optional<Instant> startTime();

    /**
     * Instead of running with real time, the clock stands still and moves this much each time a listing starts (a
     * first page is asked for): a waiter polling it sees one step of progress per poll, however fast it polls.
     */
    Optional<Duration> stepPerListing();

    /** These settings, on {@code system}'s clock (moved to the start time, or stepping per listing). */
    default EmulatorSettings settings(Clock system) {
        return EmulatorSettings.defaults().withApiKey(apiKey()).withImports(imports(), seed()).withTime(tick(),
                EmulatorStore.clock(system, startTime().orElse(null), stepPerListing().orElse(null)));
    }
}
