package io.github.pineconeimports.scan;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.github.pineconeimports.imports.Window;

/**
 * Which finished imports the counters hold at a scan's time: a function of that time alone, so every replica and
 * every restart exports the same value, and {@code max} across them counts each import once.
 *
 * <p>They hold the imports that finished since 00:00 UTC, in the half-open window {@code [00:00, t)}. A day ends in
 * two phases of {@value #PHASE} scan intervals each: first the whole of yesterday ({@code [yesterday, 00:00)}), so
 * what finished after the last scan before midnight is counted too, then nothing, a reset that every replica shows at
 * the same time, so Prometheus sees it whatever today's first count is.
 */
final class CounterDay {

    /** Scan intervals per phase: every replica's latest scan is inside a phase for two whole intervals. */
    static final int PHASE = 3;

    private CounterDay() {
    }

    /** The finish window the counters hold at {@code t}, or null while they hold zero. */
    static Window at(Instant t, Duration interval) {
        Instant midnight = t.truncatedTo(ChronoUnit.DAYS);
        Duration phase = interval.multipliedBy(PHASE);
        if (t.isBefore(midnight.plus(phase))) {
            return new Window(midnight.minus(Duration.ofDays(1)), midnight);
        }
        if (t.isBefore(midnight.plus(phase.multipliedBy(2)))) {
            return null;
        }
        return new Window(midnight, t);
    }
}
