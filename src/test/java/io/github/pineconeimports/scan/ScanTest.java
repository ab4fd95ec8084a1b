package io.github.pineconeimports.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.pineconeimports.emulator.EmulatorMount;
import io.github.pineconeimports.emulator.EmulatorStore;
import io.github.pineconeimports.support.Emulator;
import io.github.pineconeimports.support.ManualClock;
import io.github.pineconeimports.support.Scrape;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The scan against the emulator, on a clock the test moves: the metrics are what the emulator holds (each status,
 * what finished since midnight, the oldest running), imports that finish between scans are counted once, and at
 * midnight the counters hold yesterday whole, then zero, then today.
 */
@QuarkusTest
@TestProfile(ManualClock.Profile.class)
class ScanTest {

    static final ScanSettings EVERY_MINUTE = new ScanSettings(Duration.ofMinutes(1), List.of());

    @Inject
    ImportScan scan;

    @Inject
    EmulatorMount emulator;

    @Inject
    ManualClock clock;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    EmulatorStore store;
    String index;

    @BeforeEach
    void noonWithImportsOfEveryKind() {
        Instant now = clock.instant();
        clock.advance(Duration.between(now, now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(36))));
        store = emulator.store();
        store.reset(250, 42);
        index = "localhost:" + port;
        // besides the seeded ones (finished days ago, or still running): imports that finished today, on midnight and
        // around it, and yesterday
        Instant midnight = clock.instant().truncatedTo(ChronoUnit.DAYS);
        List<Duration> offsets = List.of(Duration.ofHours(-5), Duration.ofNanos(-1000), Duration.ZERO,
                Duration.ofMillis(1), Duration.ofHours(3), Duration.ofHours(11));
        for (Duration offset : offsets) {
            for (String uri : List.of("s3://b/ok" + offset + "/", "s3://b/will-fail" + offset + "/")) {
                store.start(uri, midnight.plus(offset).minus(store.finishesAfter(uri)));
            }
        }
    }

    @Test
    void theMetricsAreWhatTheEmulatorHolds() {
        Instant noon = clock.instant();
        assertEquals("success", scan.scan(EVERY_MINUTE));
        Scrape scrape = Scrape.now();
        assertHolds(noon, scrape);
        assertEquals(4.0, scrape.value(series("pinecone_imports_finished_total", "Completed")),
                "from 00:00 on, not before");
        assertTrue(scrape.value(series("pinecone_imports_oldest_running_age_seconds", null)) > 3600,
                "the seeded imports still running started hours ago");
        assertEquals(1.0, scrape.value("pinecone_imports_last_scan_success"));
        assertEquals(noon.toEpochMilli() / 1000.0, scrape.value("pinecone_imports_last_scan_timestamp_seconds"));
    }

    @Test
    void importsThatFinishBetweenScansAreCountedOnceEach() {
        assertEquals("success", scan.scan(EVERY_MINUTE));
        Scrape before = Scrape.now();
        String[] uris = { "s3://b/ok-1/", "s3://b/ok-2/", "s3://b/will-fail/", "s3://b/ok-3/" };
        for (String uri : uris) {
            store.start(uri);
        }
        Duration failsAfter = store.finishesAfter("s3://b/will-fail/");
        clock.advance(failsAfter.minusMillis(1));
        assertEquals("success", scan.scan(EVERY_MINUTE)); // running: not finished yet
        assertEquals(before.startingWith("pinecone_imports_finished_total"),
                Scrape.now().startingWith("pinecone_imports_finished_total"));
        clock.advance(store.finishesAfter("s3://b/ok-1/").minus(failsAfter).plusMillis(2));
        assertEquals("success", scan.scan(EVERY_MINUTE));
        Scrape after = Scrape.now();
        assertEquals(3.0, after.value(series("pinecone_imports_finished_total", "Completed"))
                - before.value(series("pinecone_imports_finished_total", "Completed")));
        assertEquals(1.0, after.value(series("pinecone_imports_finished_total", "Failed"))
                - before.value(series("pinecone_imports_finished_total", "Failed")));
        assertHolds(clock.instant(), after);
        // scanning again, at the same time or later, counts nothing more: the counters are a function of the time
        assertEquals("success", scan.scan(EVERY_MINUTE));
        clock.advance(Duration.ofMinutes(5));
        assertEquals("success", scan.scan(EVERY_MINUTE));
        assertEquals(after.startingWith("pinecone_imports_finished_total"),
                Scrape.now().startingWith("pinecone_imports_finished_total"));
    }

    @Test
    void atMidnightTheCountersHoldYesterdayWholeThenZeroThenToday() {
        Instant midnight = clock.instant().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
        clock.advance(Duration.between(clock.instant(), midnight.minusSeconds(90)));
        assertEquals("success", scan.scan(EVERY_MINUTE));
        // finishes after the last scan of the day, and just after midnight
        String late = store.start("s3://b/late/", midnight.minusSeconds(20).minus(store.finishesAfter("s3://b/late/")));
        store.start("s3://b/early/", midnight.plusSeconds(20).minus(store.finishesAfter("s3://b/early/")));
        assertTrue(late != null);
        clock.advance(Duration.ofSeconds(150)); // 00:01
        assertEquals("success", scan.scan(EVERY_MINUTE));
        assertEquals(expectedFinished(Emulator.everything(), midnight.minus(Duration.ofDays(1)), midnight),
                finished(Scrape.now()),
                "yesterday, whole");
        clock.advance(Duration.ofMinutes(5)); // 00:06
        assertEquals("success", scan.scan(EVERY_MINUTE));
        assertEquals(Map.of("Completed", 0.0, "Failed", 0.0, "Cancelled", 0.0, "other", 0.0), finished(Scrape.now()),
                "zero");
        clock.advance(Duration.ofMinutes(5)); // 00:11
        assertEquals("success", scan.scan(EVERY_MINUTE));
        Map<String, Double> today = finished(Scrape.now());
        assertEquals(expectedFinished(Emulator.everything(), midnight, clock.instant()), today);
        assertTrue(today.get("Completed") >= 1, "the import that finished at 00:00:20 is today's");
    }

    /** Every status gauge, the finished counters and the oldest running age against the emulator's own pages. */
    private void assertHolds(Instant at, Scrape scrape) {
        List<Map<String, Object>> imports = Emulator.everything();
        Map<String, Double> byStatus = new HashMap<>(Map.of("Pending", 0.0, "InProgress", 0.0, "Failed", 0.0,
                "Completed", 0.0, "Cancelled", 0.0, "other", 0.0));
        Instant oldest = null;
        for (Map<String, Object> model : imports) {
            byStatus.merge((String) model.get("status"), 1.0, Double::sum);
            Instant created = Instant.parse((String) model.get("createdAt"));
            if (List.of("Pending", "InProgress").contains(model.get("status"))
                    && (oldest == null || created.isBefore(oldest))) {
                oldest = created;
            }
        }
        Map<String, Double> gauges = new HashMap<>();
        byStatus.keySet().forEach(status -> gauges.put(status, scrape.value(series("pinecone_imports", status))));
        assertEquals(byStatus, gauges);
        assertEquals(expectedFinished(imports, at.truncatedTo(ChronoUnit.DAYS), at), finished(scrape));
        assertEquals(Duration.between(oldest, at).toMillis() / 1000.0,
                scrape.value(series("pinecone_imports_oldest_running_age_seconds", null)));
    }

    /** What the emulator's imports say finished in {@code [since, until)}, by final status. */
    private static Map<String, Double> expectedFinished(List<Map<String, Object>> imports, Instant since,
            Instant until) {
        Map<String, Double> out = new HashMap<>(Map.of("Completed", 0.0, "Failed", 0.0, "Cancelled", 0.0,
                "other", 0.0));
        for (Map<String, Object> model : imports) {
            Object end = model.get("finishedAt");
            if (end != null && !Instant.parse((String) end).isBefore(since)
                    && Instant.parse((String) end).isBefore(until)) {
                out.merge((String) model.get("status"), 1.0, Double::sum);
            }
        }
        return out;
    }

    private Map<String, Double> finished(Scrape scrape) {
        Map<String, Double> out = new HashMap<>();
        for (String status : List.of("Completed", "Failed", "Cancelled", "other")) {
            out.put(status, scrape.value(series("pinecone_imports_finished_total", status)));
        }
        return out;
    }

    private String series(String name, String status) {
        return name + "{index=\"" + index + "\"" + (status == null ? "" : ",status=\"" + status + "\"") + "}";
    }
}
