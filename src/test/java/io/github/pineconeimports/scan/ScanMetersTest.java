package io.github.pineconeimports.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.github.pineconeimports.imports.Census;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The meters across censuses: an index that is not ready keeps its last values, one that is gone loses its series
 * (and comes back whole), a failed scan moves no import meter, and unknown statuses count as other.
 */
class ScanMetersTest {

    static final Instant AT = Instant.parse("2026-11-30T12:00:00Z");

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ScanMeters meters = new ScanMeters(registry, AT.minusSeconds(600));

    @Test
    void indexesComeGoAndWait() {
        assertEquals(AT.minusSeconds(600).getEpochSecond(),
                gauge("pinecone.imports.last.success.timestamp", null, null),
                "before the first success, the scanner's start");
        meters.published(census(ready("alpha", 3), ready("beta", 5)), true, AT, Duration.ofMillis(10));
        assertEquals(Map.of("alpha", 11, "beta", 11), seriesByIndex());
        assertEquals(5.0, gauge("pinecone.imports", "beta", "Failed"));
        assertEquals(7200.0, gauge("pinecone.imports.oldest.running.age", "alpha", null));

        // alpha is gone from the project; beta is not ready: its gauges stay (its running import ages on), its finish
        // counters go, since what finished meanwhile is unknown (and yesterday's must not outlive midnight)
        meters.published(census(new Census.IndexCensus("beta", null, false, Map.of(), Map.of(), null)), true,
                AT.plusSeconds(60), Duration.ofMillis(10));
        assertEquals(Map.of("beta", 7), seriesByIndex());
        assertEquals(5.0, gauge("pinecone.imports", "beta", "Failed"));
        assertEquals(7260.0, gauge("pinecone.imports.oldest.running.age", "beta", null));
        assertNull(registry.find("pinecone.imports.finished").tags("index", "beta").functionCounter());

        // a failed scan moves no import meter
        meters.failed(AT.plusSeconds(120), Duration.ofMillis(10), "upstream_unavailable");
        assertEquals(5.0, gauge("pinecone.imports", "beta", "Failed"));
        assertEquals(0.0, gauge("pinecone.imports.last.scan.success", null, null));
        assertEquals(AT.plusSeconds(60).getEpochSecond(), gauge("pinecone.imports.last.success.timestamp", null, null));

        // alpha is back, whole; beta is ready again, with its counters
        meters.published(census(ready("alpha", 4), ready("beta", 6)), true, AT.plusSeconds(180), Duration.ofMillis(10));
        assertEquals(Map.of("alpha", 11, "beta", 11), seriesByIndex());
        assertEquals(4.0, gauge("pinecone.imports", "alpha", "Failed"));
        assertEquals(6.0, registry.get("pinecone.imports.finished").tags("index", "beta", "status", "Failed")
                .functionCounter().count());
        assertEquals(1.0, gauge("pinecone.imports", "alpha", "other"), "a status this code does not know");
        assertEquals(0.0, registry.get("pinecone.imports.finished").tags("index", "alpha", "status", "other")
                .functionCounter().count(),
                "a running import with a finish time is not finished");
    }

    /**
     * An index with {@code failed} Failed imports (finished today), one Completed, one of a new status, one
     * running.
     */
    private static Census.IndexCensus ready(String name, int failed) {
        return new Census.IndexCensus(name, name + ".svc.test", true,
                Map.of("Failed", failed, "Completed", 1, "Paused", 1, "InProgress", 1),
                Map.of("Failed", failed, "Completed", 1, "InProgress", 1), AT.minusSeconds(7200));
    }

    private static Census census(Census.IndexCensus... indexes) {
        return new Census(List.of(indexes));
    }

    private double gauge(String name, String index, String status) {
        var search = registry.find(name);
        if (index != null) {
            search = search.tag("index", index);
        }
        if (status != null) {
            search = search.tag("status", status);
        }
        return search.gauge().value();
    }

    /** The series of each index: 6 status gauges, 4 finish counters, 1 age. */
    private Map<String, Integer> seriesByIndex() {
        Map<String, Integer> out = new TreeMap<>();
        for (Meter meter : registry.getMeters()) {
            String index = meter.getId().getTag("index");
            if (index != null && meter.getId().getName().startsWith("pinecone.imports")) {
                out.merge(index, 1, Integer::sum);
            }
        }
        return out;
    }
}
