package io.github.pineconeimports.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.github.pineconeimports.imports.Window;

/**
 * What the finish counters hold, as a function of the scan's time alone, and why: read as the shipped recording rule
 * reads them (each replica's highest successful sample of the last 3 minutes, the max across replicas) and counted
 * with Prometheus' counter rules (a drop is a reset), they count every import once, across replicas that fall behind,
 * fail, stop and restart, and across midnights.
 */
class CounterDayTest {

    private static final Instant MIDNIGHT = Instant.parse("2026-11-30T00:00:00Z");
    private static final Duration LOOK_BACK = Duration.ofMinutes(3); // max_over_time(...[3m:]) in prometheus-rules.yml

    @Test
    void todaySinceMidnightThenYesterdayWholeThenNothingThenToday() {
        Window yesterday = new Window(MIDNIGHT.minus(Duration.ofDays(1)), MIDNIGHT);
        assertEquals(new Window(MIDNIGHT, MIDNIGHT.plusSeconds(3600)), CounterDay.at(MIDNIGHT.plusSeconds(3600)));
        assertEquals(new Window(MIDNIGHT.minus(Duration.ofDays(1)), MIDNIGHT.minusMillis(1)), CounterDay.at(MIDNIGHT.minusMillis(1)));
        assertEquals(yesterday, CounterDay.at(MIDNIGHT));
        assertEquals(yesterday, CounterDay.at(MIDNIGHT.plus(Duration.ofMinutes(5)).minusMillis(1)));
        assertNull(CounterDay.at(MIDNIGHT.plus(Duration.ofMinutes(5))));
        assertNull(CounterDay.at(MIDNIGHT.plus(Duration.ofMinutes(10)).minusMillis(1)));
        assertEquals(new Window(MIDNIGHT, MIDNIGHT.plus(Duration.ofMinutes(10))), CounterDay.at(MIDNIGHT.plus(Duration.ofMinutes(10))));
        // the zero phase outlasts the rules' look-back, the longest scan interval and a rule evaluation
        assertTrue(CounterDay.PHASE.compareTo(LOOK_BACK.plus(ScanSettings.LONGEST).plusSeconds(30)) > 0);
    }

    /**
     * Two days of imports finishing every few seconds (and a burst after a midnight larger than the day before),
     * scanned every minute by two replicas at different seconds: each falls behind the other in turn, one stops across
     * midnight and again just after getting ahead, the other for an hour, and each fails its scans for a while. Scraped
     * every 15 s,
     * recorded as the rule records it and read with Prometheus' counter rules, the count rises by exactly the imports
     * that finished between the first and the last scan recorded.
     */
    @Test
    void theRecordedMaxCountsEachImportOnceThroughFailuresRestartsAndMidnights() {
        Random random = new Random(7);
        Instant start = MIDNIGHT.minus(Duration.ofHours(12));
        Instant end = start.plus(Duration.ofDays(2));
        List<Instant> finishes = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            finishes.add(start.minus(Duration.ofDays(1)).plusSeconds(random.nextInt(4 * 86_400)));
        }
        for (int i = 0; i < 30_000; i++) {
            finishes.add(MIDNIGHT.plus(Duration.ofDays(1)).plusSeconds(10 + random.nextInt(160)));
        }
        // a stops at 13:00:20, just after its 13:00:07 scan put it ahead of b, before b's 13:00:41 scan catches up
        Replica a = new Replica(7, List.of(span(-120, 240), span(13 * 3600 + 20, 13 * 3600 + 1200)),
                List.of(span(180, 480), span(20 * 3600, 20 * 3600 + 420)));
        Replica b = new Replica(41, List.<Instant[]>of(span(6 * 3600, 7 * 3600)),
                List.of(span(16 * 3600, 16 * 3600 + 600), span(24 * 3600 + 120, 24 * 3600 + 540)));
        double counted = 0;
        Sample previous = null;
        Sample first = null;
        for (Instant t = start; t.isBefore(end); t = t.plusSeconds(15)) {
            a.scanUntil(t, finishes);
            b.scanUntil(t, finishes);
            a.scrape(t);
            b.scrape(t);
            Sample recorded = Sample.max(a.highestSince(t.minus(LOOK_BACK)), b.highestSince(t.minus(LOOK_BACK)));
            if (recorded == null) {
                continue;
            }
            if (previous != null) {
                counted += recorded.value >= previous.value ? recorded.value - previous.value : recorded.value;
            } else {
                first = recorded;
            }
            previous = recorded;
        }
        Instant from = first.windowEnd;
        Instant to = previous.windowEnd;
        long expected = finishes.stream().filter(f -> !f.isBefore(from) && f.isBefore(to)).count();
        assertTrue(expected > 40_000, "most imports of the run: " + expected);
        assertEquals(expected, Math.round(counted));
    }

    /** Seconds from midnight, as an interval of instants. */
    private static Instant[] span(int from, int to) {
        return new Instant[] { MIDNIGHT.plusSeconds(from), MIDNIGHT.plusSeconds(to) };
    }

    /** A value a replica exported, and where the window it counted ends (a zero phase: at the midnight before it). */
    private record Sample(double value, Instant windowEnd) {
        static Sample max(Sample x, Sample y) {
            return x == null ? y : y == null ? x : x.value != y.value ? (x.value > y.value ? x : y)
                    : (x.windowEnd.isAfter(y.windowEnd) ? x : y);
        }
    }

    /** One scanning replica: a scan every minute at its own second, except while down; failed scans keep no value. */
    private static final class Replica {
        private final int second;
        private final List<Instant[]> down;
        private final List<Instant[]> failing;
        private Instant nextScan;
        private Sample last;
        private boolean lastSucceeded;
        private final List<Instant> scrapedAt = new ArrayList<>();
        private final List<Sample> scraped = new ArrayList<>();

        Replica(int second, List<Instant[]> down, List<Instant[]> failing) {
            this.second = second;
            this.down = down;
            this.failing = failing;
        }

        void scanUntil(Instant now, List<Instant> finishes) {
            if (nextScan == null) {
                nextScan = now.minusSeconds(now.getEpochSecond() % 60).plusSeconds(second);
            }
            while (!nextScan.isAfter(now)) {
                Instant t = nextScan;
                nextScan = nextScan.plusSeconds(60);
                if (in(down, t)) {
                    last = null; // a process that is down exports nothing; a restarted one starts with no value
                    continue;
                }
                lastSucceeded = !in(failing, t);
                if (lastSucceeded) {
                    Window window = CounterDay.at(t);
                    last = window == null ? new Sample(0, t.truncatedTo(java.time.temporal.ChronoUnit.DAYS))
                            : new Sample(finishes.stream().filter(window::contains).count(), window.until());
                }
            }
        }

        /** Prometheus scrapes: a sample when the process is up and its last scan succeeded (the rule's filter). */
        void scrape(Instant t) {
            if (!in(down, t) && last != null && lastSucceeded) {
                scrapedAt.add(t);
                scraped.add(last);
            }
        }

        /** max_over_time over the samples since {@code from}. */
        Sample highestSince(Instant from) {
            Sample highest = null;
            for (int i = scraped.size() - 1; i >= 0 && !scrapedAt.get(i).isBefore(from); i--) {
                highest = Sample.max(highest, scraped.get(i));
            }
            return highest;
        }

        private static boolean in(List<Instant[]> spans, Instant t) {
            return spans.stream().anyMatch(d -> !t.isBefore(d[0]) && t.isBefore(d[1]));
        }
    }
}
