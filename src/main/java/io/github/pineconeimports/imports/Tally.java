package io.github.pineconeimports.imports;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.github.pineconeimports.client.ImportFacts;

/**
 * What a walk scanned: imports, pages, the imports by status (before the filters), and, when asked (a census), when
 * the oldest import still running (Pending or InProgress) was created: it reads each running import's createdAt.
 */
final class Tally {

    int scanned;
    int pages;
    Instant oldestRunning;
    private final boolean findOldestRunning;
    private final Map<String, Integer> byStatus = new HashMap<>();

    Tally() {
        this(false);
    }

    Tally(boolean findOldestRunning) {
        this.findOldestRunning = findOldestRunning;
    }

    void count(ImportFacts model) {
        scanned++;
        String status = status(model);
        byStatus.merge(status, 1, Integer::sum);
        if (findOldestRunning && running(status)) {
            oldestRunning = earlier(oldestRunning, model.createdAt());
        }
    }

    private static boolean running(String status) {
        return ImportStatus.IN_PROGRESS.matches(status) || ImportStatus.PENDING.matches(status);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b != null && b.isBefore(a) ? b : a;
    }

    Tally copy() {
        Tally copy = new Tally();
        copy.add(this);
        return copy;
    }

    void add(Tally other) {
        scanned += other.scanned;
        pages += other.pages;
        oldestRunning = earlier(oldestRunning, other.oldestRunning);
        other.byStatus.forEach((status, n) -> byStatus.merge(status, n, Integer::sum));
    }

    static String status(ImportFacts model) {
        return model.status() == null ? "(none)" : model.status();
    }

    /** Known statuses first in their lifecycle order, then any others alphabetically. */
    Map<String, Integer> byStatus() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (ImportStatus status : ImportStatus.values()) {
            Integer n = byStatus.get(status.wire());
            if (n != null) {
                out.put(status.wire(), n);
            }
        }
        new TreeMap<>(byStatus).forEach(out::putIfAbsent);
        return out;
    }
}
