package io.github.pineconeimports.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * How many imports matched the filter (the answer to {@code counts=true}), as opposed to {@link Summary}, which says
 * what was scanned. Every known status is always present, 0 when none matched, so a workflow's Choice state can
 * compare {@code $.matched.byStatus.Failed} without first asking whether it exists; statuses a newer API adds are
 * counted too. Its size depends on the statuses and indexes, never on how many imports matched.
 *
 * @param total    imports that matched
 * @param byStatus the same by status
 * @param byIndex  per index, in name order, when the call names indexes; null otherwise
 * @param notReady named indexes the control plane reports as not ready, so not counted (their imports are unknown):
 *                 a waiter must not call a batch done while one is listed here; null when there are none
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Counts(int total, Map<String, Integer> byStatus, Map<String, Counts> byIndex, List<String> notReady) {

    /** The matches a tally counted, with every known status present. */
    static Counts of(Tally matched, Map<String, Counts> byIndex, List<String> notReady) {
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        for (ImportStatus status : ImportStatus.values()) {
            byStatus.put(status.wire(), 0);
        }
        byStatus.putAll(matched.byStatus());
        return new Counts(matched.scanned, byStatus, byIndex, notReady.isEmpty() ? null : List.copyOf(notReady));
    }
}
