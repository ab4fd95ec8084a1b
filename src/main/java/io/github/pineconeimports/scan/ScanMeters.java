package io.github.pineconeimports.scan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

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
 * leaves every import meter as the last good scan set it. Labels are the index and the status, never an import:
 * statuses outside the five known ones count as {@code other}.
 */
final class ScanMeters {

    static final String OTHER = "other";
    static final List<String> STATUSES = labels(ImportStatus.values());
    static final List<String> FINAL = labels(ImportStatus.COMPLETED, ImportStatus.FAILED, ImportStatus.CANCELLED);

    /** One index at the last good scan. */
    record IndexState(Map<String, Integer> byStatus, Map<String, Integer> finished, double oldestRunningAge) {
    }

    /** The last scan: when it started, how long it took, and its outcome ("success", or what failed). */
    record LastScan(Instant at, Duration took, String outcome) {
    }

    private final MeterRegistry registry;
    private final AtomicReference<Map<String, IndexState>> indexes = new AtomicReference<>(Map.of());
    private final AtomicReference<LastScan> last = new AtomicReference<>();
    private final AtomicReference<Instant> lastSuccess = new AtomicReference<>();
    private final Map<String, List<Meter>> registered = new HashMap<>();

    ScanMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * A complete census, taken at {@code at}: every import meter moves to it at once. An index the control plane
     * reports as not ready keeps what its last scan found; an index no longer in the census loses its series.
     */
    synchronized void published(Census census, boolean countFinished, Instant at, Duration took) {
        Map<String, IndexState> previous = indexes.get();
        Map<String, IndexState> next = new LinkedHashMap<>();
        for (Census.IndexCensus index : census.indexes()) {
            if (!index.ready()) {
                if (previous.containsKey(label(index))) {
                    next.put(label(index), previous.get(label(index)));
                }
                continue;
            }
            double age = index.oldestRunning() == null ? 0
                    : Math.max(0, Duration.between(index.oldestRunning(), at).toMillis() / 1000.0);
            next.put(label(index), new IndexState(bucket(index.byStatus(), STATUSES),
                    countFinished ? bucket(index.finished(), FINAL) : bucket(Map.of(), FINAL), age));
        }
        // gone first, so that no scrape reads a gone index as zeros; then the new values, then the new series
        registered.keySet().removeIf(gone -> {
            boolean removed = !next.containsKey(gone);
            if (removed) {
                registered.get(gone).forEach(registry::remove);
            }
            return removed;
        });
        indexes.set(next);
        next.keySet().forEach(index -> registered.computeIfAbsent(index, this::register));
        if (lastSuccess.getAndSet(at) == null) {
            Gauge.builder("pinecone.imports.last.success.timestamp", lastSuccess, l -> l.get().toEpochMilli() / 1000.0)
                    .description("When the last successful scan started").baseUnit("seconds").register(registry);
        }
        scanned(at, took, "success");
    }

    /** A scan that ended without a census: only the scan meters say so. */
    synchronized void failed(Instant at, Duration took, String outcome) {
        scanned(at, took, outcome);
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

    private List<Meter> register(String index) {
        List<Meter> meters = new ArrayList<>();
        for (String status : STATUSES) {
            meters.add(Gauge.builder("pinecone.imports", indexes, s -> value(s.get(), index, status, false))
                    .description("Imports in each status at the last successful scan, by index")
                    .tags(Tags.of("index", index, "status", status)).register(registry));
        }
        for (String status : FINAL) {
            meters.add(FunctionCounter.builder("pinecone.imports.finished", indexes,
                    s -> value(s.get(), index, status, true))
                    .description("Imports that finished since 00:00 UTC, by index and final status; the same on"
                            + " every replica (aggregate with max, never sum); restarts daily, see the README")
                    .tags(Tags.of("index", index, "status", status)).register(registry));
        }
        meters.add(Gauge.builder("pinecone.imports.oldest.running.age", indexes,
                s -> s.get().containsKey(index) ? s.get().get(index).oldestRunningAge() : 0)
                .description("Age of the oldest Pending or InProgress import at the last successful scan, by index;"
                        + " 0 when none is running")
                .baseUnit("seconds").tags(Tags.of("index", index)).register(registry));
        return meters;
    }

    private static double value(Map<String, IndexState> state, String index, String status, boolean finished) {
        IndexState at = state.get(index);
        return at == null ? 0 : (finished ? at.finished() : at.byStatus()).getOrDefault(status, 0);
    }

    /** The index label: its name, or the host it was reached by. */
    private static String label(Census.IndexCensus index) {
        return index.name() != null ? index.name() : index.host();
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
