package io.github.pineconeimports.scan;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.github.pineconeimports.imports.Window;

/**
 * Which finished imports the counters hold at a scan's time: a function of that time alone, so every replica and
 * every restart exports the same value, and the max across them counts each import once.
 *
 * <p>They hold the imports that finished since 00:00 UTC, in the half-open window {@code [00:00, t)}. A day ends in
 * two phases of {@link #PHASE} each: first the whole of yesterday ({@code [yesterday, 00:00)}), so what finished after
 * the last scan before midnight is counted too, then nothing, a reset that every replica shows at once, for longer than
 * the rules' 3-minute look-back plus a scan interval (at most 1 minute), so Prometheus sees it whatever today's first
 * count is. What finishes from 00:00 on is counted from 00:10.
 */
final class CounterDay {

    static final Duration PHASE = Duration.ofMinutes(5);

    private CounterDay() {
    }

    /** The finish window the counters hold at {@code t}, or null while they hold zero. */
    static Window at(Instant t) {
        Instant midnight = t.truncatedTo(ChronoUnit.DAYS);
        if (t.isBefore(midnight.plus(PHASE))) {
            return new Window(midnight.minus(Duration.ofDays(1)), midnight);
        }
        if (t.isBefore(midnight.plus(PHASE.multipliedBy(2)))) {
            return null;
        }
        return new Window(midnight, t);
    }
}
