package io.github.pineconeimports.scan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import io.github.pineconeimports.imports.Census;
import io.github.pineconeimports.imports.ImportStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * The scan's meters. Every value is read from the last complete census, swapped in whole, so a scan that fails
 * leaves every import meter as the last good scan set it (a scrape that runs while a census is swapped in may read
 * some meters from each of two complete censuses, never from a partial one). Labels are the index and the status,
 * never an import: statuses outside the five known ones count as {@code other}.
 */
final class ScanMeters {

    static final String OTHER = "other";
    static final List<String> STATUSES = labels(ImportStatus.values());
    static final List<String> FINAL = labels(ImportStatus.COMPLETED, ImportStatus.FAILED, ImportStatus.CANCELLED);

    /**
     * One index at the last good scan: imports by status, what finished (null while the index is not ready: what
     * finished then is unknown), and when the oldest running import was created (null: none runs).
     */
    record IndexState(Map<String, Integer> byStatus, Map<String, Integer> finished, Instant oldestRunning) {
    }

    /** The last good scan: when it started, and each index. */
    record Snapshot(Instant at, Map<String, IndexState> indexes) {
    }

    /** The last scan: when it started, how long it took, and its outcome ("success", or what failed). */
    record LastScan(Instant at, Duration took, String outcome) {
    }

    private final MeterRegistry registry;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(new Snapshot(null, Map.of()));
    private final AtomicReference<LastScan> last = new AtomicReference<>();
    private final AtomicReference<Instant> lastSuccess = new AtomicReference<>();
    private final Map<String, List<Meter>> gauges = new HashMap<>();
    private final Map<String, List<Meter>> counters = new HashMap<>();

    /** The meters of a scanner started at {@code started}, which counts as its last success until it has one. */
    ScanMeters(MeterRegistry registry, Instant started) {
        this.registry = registry;
        lastSuccess.set(started);
        Gauge.builder("pinecone.imports.last.success.timestamp", lastSuccess, l -> l.get().toEpochMilli() / 1000.0)
                .description("When the last successful scan started; before the first, when the scanner started")
                .baseUnit("seconds").register(registry);
    }

    /**
     * A complete census, taken at {@code at}: every import meter moves to it at once. An index the control plane
     * reports as not ready keeps its gauges (its oldest running import ages on) and drops its finish counters until
     * it is ready again; an index no longer in the census loses its series.
     */
    synchronized void published(Census census, boolean countFinished, Instant at, Duration took) {
        Map<String, IndexState> previous = snapshot.get().indexes();
        Map<String, IndexState> next = new LinkedHashMap<>();
        for (Census.IndexCensus index : census.indexes()) {
            String label = index.name() != null ? index.name() : index.host();
            if (index.ready()) {
                next.put(label, new IndexState(bucket(index.byStatus(), STATUSES),
                        bucket(countFinished ? index.finished() : Map.of(), FINAL), index.oldestRunning()));
            } else if (previous.containsKey(label)) {
                IndexState was = previous.get(label);
                next.put(label, new IndexState(was.byStatus(), null, was.oldestRunning()));
            }
        }
        // gone first, so that no scrape reads a gone index as zeros; then the new values, then the new series
        remove(gauges, index -> !next.containsKey(index));
        remove(counters, index -> !next.containsKey(index) || next.get(index).finished() == null);
        snapshot.set(new Snapshot(at, next));
        next.forEach((index, state) -> {
            gauges.computeIfAbsent(index, this::registerGauges);
            if (state.finished() != null) {
                counters.computeIfAbsent(index, this::registerCounters);
            }
        });
        lastSuccess.set(at);
        scanned(at, took, "success");
    }

    /** A scan that ended without a census: only the scan meters say so. */
    synchronized void failed(Instant at, Duration took, String outcome) {
        scanned(at, took, outcome);
    }

    private void remove(Map<String, List<Meter>> meters, Predicate<String> gone) {
        meters.keySet().removeIf(index -> {
            if (gone.test(index)) {
                meters.get(index).forEach(registry::remove);
                return true;
            }
            return false;
        });
    }

    private void scanned(Instant at, Duration took, String outcome) {
        boolean first = last.getAndSet(new LastScan(at, took, outcome)) == null;
        Counter.builder("pinecone.imports.scans").description("Scans of the imports, by outcome: success, or the kind"
                + " of failure").tag("outcome", outcome).register(registry).increment();
        if (first) {
            Gauge.builder("pinecone.imports.last.scan.timestamp", last, l -> l.get().at().toEpochMilli() / 1000.0)
                    .description("When the last scan started, success or not").baseUnit("seconds").register(registry);
            Gauge.builder("pinecone.imports.last.scan.success", last, l -> "success".equals(l.get().outcome()) ? 1 : 0)
                    .description("1 when the last scan read every page of every index, 0 when it failed")
                    .register(registry);
            Gauge.builder("pinecone.imports.last.scan.duration", last, l -> l.get().took().toMillis() / 1000.0)
                    .description("How long the last scan took").baseUnit("seconds").register(registry);
        }
    }

    private List<Meter> registerGauges(String index) {
        List<Meter> meters = new ArrayList<>();
        for (String status : STATUSES) {
            meters.add(Gauge.builder("pinecone.imports", snapshot, s -> count(s.get(), index, status, false))
                    .description("Imports in each status at the last successful scan, by index")
                    .tags(Tags.of("index", index, "status", status)).register(registry));
        }
        meters.add(Gauge.builder("pinecone.imports.oldest.running.age", snapshot, s -> age(s.get(), index))
                .description("Age of the oldest Pending or InProgress import at the last successful scan, by index;"
                        + " 0 when none is running")
                .baseUnit("seconds").tags(Tags.of("index", index)).register(registry));
        return meters;
    }

    private List<Meter> registerCounters(String index) {
        List<Meter> meters = new ArrayList<>();
        for (String status : FINAL) {
            meters.add(FunctionCounter.builder("pinecone.imports.finished", snapshot,
                    s -> count(s.get(), index, status, true))
                    .description("Imports that finished since 00:00 UTC, by index and final status; the same on"
                            + " every replica (aggregate with max, never sum); restarts daily,"
                            + " see docs/metrics-kubernetes.md")
                    .tags(Tags.of("index", index, "status", status)).register(registry));
        }
        return meters;
    }

    private static double count(Snapshot snapshot, String index, String status, boolean finished) {
        IndexState state = snapshot.indexes().get(index);
        Map<String, Integer> counts = state == null ? null : finished ? state.finished() : state.byStatus();
        return counts == null ? 0 : counts.getOrDefault(status, 0);
    }

    private static double age(Snapshot snapshot, String index) {
        IndexState state = snapshot.indexes().get(index);
        return state == null || state.oldestRunning() == null ? 0
                : Math.max(0, Duration.between(state.oldestRunning(), snapshot.at()).toMillis() / 1000.0);
    }

    /**
     * Counts by label: each of {@code labels} (0 when absent); a status this code does not know under {@code other};
     * a known one that is not among the labels (a running import with a finish time) is left out.
     */
    private static Map<String, Integer> bucket(Map<String, Integer> counts, List<String> labels) {
        Map<String, Integer> out = new LinkedHashMap<>();
        labels.forEach(label -> out.put(label, 0));
        counts.forEach((status, n) -> {
            String label = ImportStatus.parse(status).map(ImportStatus::wire).orElse(OTHER);
            if (out.containsKey(label)) {
                out.merge(label, n, Integer::sum);
            }
        });
        return out;
    }

    private static List<String> labels(ImportStatus... statuses) {
        List<String> out = new ArrayList<>();
        for (ImportStatus status : statuses) {
            out.add(status.wire());
        }
        out.add(OTHER);
        return List.copyOf(out);
    }
}
