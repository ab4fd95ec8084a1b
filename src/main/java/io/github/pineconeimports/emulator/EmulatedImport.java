package io.github.pineconeimports.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One import inside the emulator. Seeded imports stay as generated, unless {@link #running} sets them going;
 * imports started with POST move along the clock: Pending for one tick, InProgress for {@link #RUN_TICKS} ticks,
 * then Completed (or Failed, when their URI contains "fail"), unless cancelled first.
 */
final class EmulatedImport {

    static final int RUN_TICKS = 10;

    final String id;
    final String uri;
    final Instant createdAt;
    // where its run is measured from: its creation, or for a seeded import set going, where its progress puts it
    private final Instant runFrom;
    private final boolean fails;
    private final boolean live;
    private final long totalRecords;
    private final String status;
    private final double percent;
    private final Instant finishedAt;
    private final String error;
    private Instant cancelledAt;

    private EmulatedImport(String id, String uri, Instant createdAt, Instant runFrom, boolean fails, boolean live,
            long totalRecords,
            String status, double percent, Instant finishedAt, String error) {
        this.id = id;
        this.uri = uri;
        this.createdAt = createdAt;
        this.runFrom = runFrom;
        this.fails = fails;
        this.live = live;
        this.totalRecords = totalRecords;
        this.status = status;
        this.percent = percent;
        this.finishedAt = finishedAt;
        this.error = error;
    }

    static EmulatedImport seeded(String id, String uri, Instant createdAt, long totalRecords, String status,
            double percent, Instant finishedAt, String error) {
        return new EmulatedImport(id, uri, createdAt, createdAt, false, false, totalRecords, status, percent,
                finishedAt, error);
    }

    static EmulatedImport started(String id, String uri, Instant now, long totalRecords) {
        return new EmulatedImport(id, uri, now, now, failing(uri), true, totalRecords, null, 0, null, null);
    }

    /**
     * This seeded import, Pending or InProgress, set going from where it stands at {@code now}: it moves along the
     * clock as a started one does, and ends Failed (stopping at 60%) when {@code fails} and it is not past 60% yet.
     */
    EmulatedImport running(Instant now, Duration tick, boolean fails) {
        if (live || cancelledAt != null || isTerminal(status)) {
            return this;
        }
        double ticksIn = "Pending".equals(status) ? 0.5 : 1 + RUN_TICKS * percent / 100;
        Instant from = now.minusNanos((long) (ticksIn * tick.toNanos()));
        return new EmulatedImport(id, uri, createdAt, from, fails && percent < 60, true, totalRecords, null, 0, null,
                null);
    }

    /** Cancels it if it is not finished; Pinecone ignores a cancel of a finished import, and so do we. */
    void cancel(Instant now, Duration tick) {
        if (cancelledAt == null && !isTerminal(statusAt(now, tick))) {
            cancelledAt = now;
        }
    }

    /** The import as Pinecone's {@code ImportModel} would show it at {@code now}. */
    Map<String, Object> view(Instant now, Duration tick) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("uri", uri);
        String s = statusAt(now, tick);
        out.put("status", s);
        out.put("createdAt", createdAt.toString());
        Instant end = finishedAt(now, tick);
        if (end != null) {
            out.put("finishedAt", end.toString());
        }
        double p = percentAt(now, tick);
        out.put("percentComplete", Math.round(p * 10) / 10.0);
        out.put("recordsImported", (long) (totalRecords * p / 100));
        if ("Failed".equals(s)) {
            out.put("error", live ? "Invalid parquet file " + uri + "part-00007.parquet: missing column 'values'"
                    : error);
        }
        return out;
    }

    String statusAt(Instant now, Duration tick) {
        if (!live) {
            return cancelledAt != null ? "Cancelled" : status;
        }
        Instant settled = cancelledAt != null && cancelledAt.isBefore(now) ? cancelledAt : now;
        double ticks = ticks(settled, tick);
        if (cancelledAt != null && !cancelledAt.isAfter(now) && ticks < end()) {
            return "Cancelled";
        }
        if (ticks < 1) {
            return "Pending";
        }
        return ticks < end() ? "InProgress" : fails ? "Failed" : "Completed";
    }

    private double percentAt(Instant now, Duration tick) {
        if (!live) {
            return percent;
        }
        Instant settled = cancelledAt != null && cancelledAt.isBefore(now) ? cancelledAt : now;
        double progress = Math.min(Math.max(ticks(settled, tick) - 1, 0) / RUN_TICKS, 1.0);
        return 100 * Math.min(progress, fails ? 0.6 : 1.0);
    }

    private Instant finishedAt(Instant now, Duration tick) {
        if (!live) {
            return cancelledAt != null ? cancelledAt : finishedAt;
        }
        String s = statusAt(now, tick);
        if ("Cancelled".equals(s)) {
            return cancelledAt;
        }
        return isTerminal(s) ? runFrom.plus(tick.multipliedBy((long) Math.ceil(end()))) : null;
    }

    static Duration finishesAfter(String uri, Duration tick) {
        return tick.multipliedBy((long) Math.ceil(end(failing(uri))));
    }

    // a failing import stops at 60%
    private static double end(boolean fails) {
        return fails ? 1 + RUN_TICKS * 0.6 : 1 + RUN_TICKS;
    }

    private double end() {
        return end(fails);
    }

    private static boolean failing(String uri) {
        return uri.toLowerCase(Locale.ROOT).contains("fail");
    }

    private double ticks(Instant at, Duration tick) {
        return Duration.between(runFrom, at).toNanos() / (double) Math.max(tick.toNanos(), 1);
    }

    static boolean isTerminal(String status) {
        return "Completed".equals(status) || "Failed".equals(status) || "Cancelled".equals(status);
    }
}
