package io.github.pineconeimports.imports;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.github.pineconeimports.client.ImportFacts;

/** What a walk scanned: imports, pages, and the imports by status (before the filters). */
final class Tally {

    int scanned;
    int pages;
    private final Map<String, Integer> byStatus = new HashMap<>();

    void count(ImportFacts model) {
        scanned++;
        byStatus.merge(status(model), 1, Integer::sum);
    }

    Tally copy() {
        Tally copy = new Tally();
        copy.add(this);
        return copy;
    }

    void add(Tally other) {
        scanned += other.scanned;
        pages += other.pages;
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
