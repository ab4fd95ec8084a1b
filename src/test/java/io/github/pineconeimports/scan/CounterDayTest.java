package io.github.pineconeimports.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.github.pineconeimports.imports.Window;

/**
 * What the finish counters hold, as a function of the scan's time alone, and why: with Prometheus' counter rules
 * (a drop is a reset), the max across replicas counts every import once, across restarts and midnights.
 */
class CounterDayTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Instant MIDNIGHT = Instant.parse("2026-11-30T00:00:00Z");

    @Test
    void todaySinceMidnightThenYesterdayWholeThenNothingThenToday() {
        assertEquals(new Window(MIDNIGHT, MIDNIGHT.plusSeconds(3600)), CounterDay.at(MIDNIGHT.plusSeconds(3600), MINUTE));
        assertEquals(new Window(MIDNIGHT.minus(Duration.ofDays(1)), MIDNIGHT), CounterDay.at(MIDNIGHT, MINUTE));
        assertEquals(new Window(MIDNIGHT.minus(Duration.ofDays(1)), MIDNIGHT),
                CounterDay.at(MIDNIGHT.plus(Duration.ofMinutes(3)).minusMillis(1), MINUTE));
        assertNull(CounterDay.at(MIDNIGHT.plus(Duration.ofMinutes(3)), MINUTE));
        assertNull(CounterDay.at(MIDNIGHT.plus(Duration.ofMinutes(6)).minusMillis(1), MINUTE));
        assertEquals(new Window(MIDNIGHT, MIDNIGHT.plus(Duration.ofMinutes(6))),
                CounterDay.at(MIDNIGHT.plus(Duration.ofMinutes(6)), MINUTE));
        assertEquals(new Window(MIDNIGHT.minus(Duration.ofDays(1)), MIDNIGHT),
                CounterDay.at(MIDNIGHT.plus(Duration.ofMinutes(179)), Duration.ofHours(1)), "phases scale with the interval");
    }

    /**
     * Three days of imports finishing at random instants (and a burst after a midnight), scanned by two replicas at different phases, one of them
     * restarted twice (once across midnight) and the other down for an hour: the max of their counters, sampled as
     * Prometheus scrapes and read with its counter rules, rises by exactly the imports that finished.
     */
    @Test
    void theMaxAcrossReplicasCountsEachImportOnceThroughRestartsAndMidnights() {
        Random random = new Random(7);
        Instant start = MIDNIGHT.minus(Duration.ofDays(1)).plus(Duration.ofHours(20));
        Instant end = start.plus(Duration.ofDays(2));
        List<Instant> finishes = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            finishes.add(start.minus(Duration.ofDays(1)).plusSeconds(random.nextInt(4 * 86_400)));
        }
        // a burst just after the second midnight, larger than the whole day before: a reset Prometheus must still see
        for (int i = 0; i < 800; i++) {
            finishes.add(MIDNIGHT.plus(Duration.ofDays(1)).plusSeconds(10 + random.nextInt(160)));
        }
        // replica a scans at :07 past each minute, replica b at :41; a is down 23:58-00:04 and 13:00-13:20, b 06:00-07:00
        List<Instant[]> downA = List.of(new Instant[] { MIDNIGHT.minusSeconds(120), MIDNIGHT.plusSeconds(240) },
                new Instant[] { MIDNIGHT.plus(Duration.ofHours(13)), MIDNIGHT.plus(Duration.ofMinutes(800)) });
        List<Instant[]> downB = List.<Instant[]>of(new Instant[] { MIDNIGHT.plus(Duration.ofHours(6)), MIDNIGHT.plus(Duration.ofHours(7)) });
        Replica a = new Replica(7, downA);
        Replica b = new Replica(41, downB);
        double counted = 0;
        Double previous = null;
        Instant first = null;
        Instant last = null;
        for (Instant scrape = start; scrape.isBefore(end); scrape = scrape.plusSeconds(15)) {
            a.scanUntil(scrape, finishes);
            b.scanUntil(scrape, finishes);
            Double max = max(a.exported(scrape), b.exported(scrape));
            if (max == null) {
                continue;
            }
            if (previous != null) {
                counted += max >= previous ? max - previous : max; // Prometheus: a drop is a reset to zero
            } else {
                first = a.lastWindowEnd != null ? a.lastWindowEnd : b.lastWindowEnd;
            }
            previous = max;
            last = scrape;
        }
        // from the first sample's window end to the last: what finished, once each
        Instant from = first;
        Instant to = latest(a, b, last);
        long expected = finishes.stream().filter(f -> !f.isBefore(from) && f.isBefore(to)).count();
        assertEquals(expected, Math.round(counted));
    }

    private static Instant latest(Replica a, Replica b, Instant at) {
        Instant ea = a.windowEndAt(at);
        Instant eb = b.windowEndAt(at);
        return ea == null ? eb : eb == null || ea.isAfter(eb) ? ea : eb;
    }

    private static Double max(Double x, Double y) {
        return x == null ? y : y == null ? x : Double.valueOf(Math.max(x, y));
    }

    /** One scanning replica: every minute at its own second, except while down; its counter is the last scan's. */
    private static final class Replica {
        private final int second;
        private final List<Instant[]> down;
        private Instant nextScan;
        private Double value;
        private Instant lastWindowEnd;
        private final List<Object[]> history = new ArrayList<>();

        Replica(int second, List<Instant[]> down) {
            this.second = second;
            this.down = down;
        }

        void scanUntil(Instant now, List<Instant> finishes) {
            if (nextScan == null) {
                nextScan = now.minusSeconds(now.getEpochSecond() % 60).plusSeconds(second);
            }
            while (!nextScan.isAfter(now)) {
                Instant t = nextScan;
                nextScan = nextScan.plusSeconds(60);
                if (isDown(t)) {
                    value = null; // a process that is down exports nothing; a restarted one starts with no value
                    continue;
                }
                Window window = CounterDay.at(t, MINUTE);
                value = window == null ? 0.0 : (double) finishes.stream().filter(window::contains).count();
                lastWindowEnd = window == null ? null : window.until();
                history.add(new Object[] { t, window });
            }
            if (isDown(now)) {
                value = null;
            }
        }

        boolean isDown(Instant t) {
            return down.stream().anyMatch(d -> !t.isBefore(d[0]) && t.isBefore(d[1]));
        }

        Double exported(Instant now) {
            return value;
        }

        /** The end of the window of the last scan at or before {@code at} (a zero phase: the midnight it follows). */
        Instant windowEndAt(Instant at) {
            for (int i = history.size() - 1; i >= 0; i--) {
                if (!((Instant) history.get(i)[0]).isAfter(at)) {
                    Window w = (Window) history.get(i)[1];
                    return w == null ? ((Instant) history.get(i)[0]).truncatedTo(java.time.temporal.ChronoUnit.DAYS) : w.until();
                }
            }
            return null;
        }
    }
}
