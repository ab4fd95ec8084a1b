package io.github.pineconeimports.imports;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What one call looked at: imports scanned, upstream pages read, and the scanned imports counted by status
 * (before the filters). With {@code all=true} and no token, the counts cover the whole listing. When the call
 * names indexes, {@code byIndex} gives the same per index, in name order, and says which were not ready. When the
 * query has a finish-time window, its bounds are echoed, so an alert says which span of time it covers.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Summary(int scanned, int pages, Map<String, Integer> byStatus, Map<String, IndexSummary> byIndex,
        Instant finishedSince, Instant finishedUntil) {

    /** One index's part; an index that is not ready has only {@code ready: false} and its {@code state}. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IndexSummary(Integer scanned, Integer pages, Map<String, Integer> byStatus, Boolean ready,
            String state) {

        static IndexSummary of(Tally tally) {
            return new IndexSummary(tally.scanned, tally.pages, tally.byStatus(), null, null);
        }

        static IndexSummary notReady(String state) {
            return new IndexSummary(null, null, null, false, state);
        }
    }
}
