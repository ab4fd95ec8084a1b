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
        assertEquals(new Window(MIDNIGHT.minus(Duration.ofDays(1)), MIDNIGHT.minusMillis(1)),
                CounterDay.at(MIDNIGHT.minusMillis(1)));
        assertEquals(yesterday, CounterDay.at(MIDNIGHT));
        assertEquals(yesterday, CounterDay.at(MIDNIGHT.plus(Duration.ofMinutes(5)).minusMillis(1)));
        assertNull(CounterDay.at(MIDNIGHT.plus(Duration.ofMinutes(5))));
        assertNull(CounterDay.at(MIDNIGHT.plus(Duration.ofMinutes(10)).minusMillis(1)));
        assertEquals(new Window(MIDNIGHT, MIDNIGHT.plus(Duration.ofMinutes(10))),
                CounterDay.at(MIDNIGHT.plus(Duration.ofMinutes(10))));
        // the zero phase outlasts the rules' look-back, the longest scan interval and a rule evaluation
        assertTrue(CounterDay.PHASE.compareTo(LOOK_BACK.plus(ScanSettings.LONGEST).plusSeconds(30)) > 0);
    }

    /**
     * Two days of imports finishing every few seconds (and a burst after a midnight larger than the day before),
     * scanned by two replicas, each every minute after its last scan ended, scans taking up to 20 s: each falls behind
     * the other in turn, one stops across midnight and again just after getting ahead, the other for an hour, and
     * each fails its scans for a while. Scraped every 30 s, recorded every minute as the rule records it (each
     * replica's successful samples at 30 s steps over the last 3 minutes, the max across replicas) and read with
     * Prometheus' counter rules, the count rises by exactly the imports that finished between the first and the last
     * scan recorded. Under two timings: a scrape every 30 s and rules every minute, and both every 15 s.
     */
    @Test
    void theRecordedMaxCountsEachImportOnceThroughFailuresRestartsAndMidnights() {
        countsEachImportOnce(30, 60); // the ServiceMonitor's scrape, Prometheus' default evaluation
        countsEachImportOnce(15, 15); // faster: a replica that stops just after getting ahead is seen to stop
    }

    private static void countsEachImportOnce(int scrapeSeconds, int evaluationSeconds) {
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
        finishes.sort(null);
        List<Instant[]> downA = new ArrayList<>(List.of(span(-120, 240), span(13 * 3600 + 20, 13 * 3600 + 1200)));
        List<Instant[]> failingA = new ArrayList<>(List.of(span(180, 480), span(20 * 3600, 20 * 3600 + 420)));
        List<Instant[]> downB = new ArrayList<>(List.<Instant[]>of(span(6 * 3600, 7 * 3600)));
        List<Instant[]> failingB = new ArrayList<>(List.of(span(16 * 3600, 16 * 3600 + 600),
                span(24 * 3600 + 120, 24 * 3600 + 540)));
        // and every hour, each replica stops, or fails, for a few minutes at a moment of its own
        for (int hour = -12; hour < 36; hour++) {
            int at = hour * 3600 + random.nextInt(3000);
            (hour % 2 == 0 ? downA : failingA).add(span(at, at + 60 + random.nextInt(240)));
            at = hour * 3600 + random.nextInt(3000);
            (hour % 2 == 0 ? failingB : downB).add(span(at, at + 60 + random.nextInt(240)));
        }
        Replica a = new Replica(start.plusSeconds(7), new Random(1), downA, failingA);
        Replica b = new Replica(start.plusSeconds(41), new Random(2), downB, failingB);
        double counted = 0;
        Sample previous = null;
        Sample first = null;
        for (Instant t = start; t.isBefore(end); t = t.plusSeconds(scrapeSeconds)) {
            a.runUntil(t, finishes);
            b.runUntil(t, finishes);
            a.scrape(t);
            b.scrape(t);
            if (t.getEpochSecond() % evaluationSeconds != 0) {
                continue;
            }
            Sample recorded = null;
            // a subquery's steps are aligned to whole multiples of its resolution, 30 s, whenever it is evaluated
            Instant firstPoint = Instant.ofEpochSecond(
                    Math.floorDiv(t.minus(LOOK_BACK).getEpochSecond() + 29, 30) * 30);
            for (Instant point = firstPoint; !point.isAfter(t); point = point.plusSeconds(30)) {
                recorded = Sample.max(recorded, Sample.max(a.at(point), b.at(point)));
            }
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
        long expected = countIn(finishes, from, to);
        assertTrue(expected > 40_000, "most imports of the run: " + expected);
        assertEquals(expected, Math.round(counted),
                "scraped every " + scrapeSeconds + " s, evaluated every " + evaluationSeconds + " s");
    }

    private static long countIn(List<Instant> sorted, Instant from, Instant to) {
        return sorted.stream().filter(f -> !f.isBefore(from) && f.isBefore(to)).count();
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

    /**
     * One scanning replica: a scan starts a minute after the last one ended and takes up to 20 s; its value (the
     * window at its start) shows once it ends. While the process is down it is not scraped (a stale marker) and a
     * restart starts with no value; a failed scan keeps the value and sets success to 0.
     */
    private static final class Replica {
        private final Random random;
        private final List<Instant[]> down;
        private final List<Instant[]> failing;
        private Instant nextStart;
        private Sample shown;
        private boolean succeeded;
        private final List<Instant> scrapedAt = new ArrayList<>();
        private final List<Sample> scraped = new ArrayList<>(); // null: a stale marker, or success 0

        Replica(Instant firstScan, Random random, List<Instant[]> down, List<Instant[]> failing) {
            this.nextStart = firstScan;
            this.random = random;
            this.down = down;
            this.failing = failing;
        }

        void runUntil(Instant now, List<Instant> finishes) {
            while (true) {
                Instant t = nextStart;
                Instant ended = t.plusMillis(random.nextInt(20_000));
                if (ended.isAfter(now)) {
                    return;
                }
                nextStart = ended.plusSeconds(60);
                if (in(down, t) || in(down, ended)) {
                    shown = null; // a process that is down exports nothing; a restarted one starts with no value
                    continue;
                }
                succeeded = !in(failing, t);
                if (succeeded) {
                    Window window = CounterDay.at(t);
                    shown = window == null ? new Sample(0, t.truncatedTo(java.time.temporal.ChronoUnit.DAYS))
                            : new Sample(countIn(finishes, window.since(), window.until()), window.until());
                }
            }
        }

        void scrape(Instant t) {
            scrapedAt.add(t);
            scraped.add(!in(down, t) && shown != null && succeeded ? shown : null);
        }

        /** The rule's inner expression at {@code point}: the latest scrape at or before it, if it had a good sample. */
        Sample at(Instant point) {
            for (int i = scrapedAt.size() - 1; i >= 0; i--) {
                if (!scrapedAt.get(i).isAfter(point)) {
                    return scraped.get(i);
                }
            }
            return null;
        }

        private static boolean in(List<Instant[]> spans, Instant t) {
            return spans.stream().anyMatch(d -> !t.isBefore(d[0]) && t.isBefore(d[1]));
        }
    }
}
