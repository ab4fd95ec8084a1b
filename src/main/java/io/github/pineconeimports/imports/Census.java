package io.github.pineconeimports.imports;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Every import of some indexes, counted in one complete listing: what a scan exports as metrics. Either every
 * index was read to its end, or the census does not exist (the listing failed): there is no partial census.
 *
 * @param indexes the indexes, in name order (one, unnamed, when the listing went to a host)
 */
public record Census(List<IndexCensus> indexes) {

    public Census {
        indexes = List.copyOf(indexes);
    }

    /**
     * One index.
     *
     * @param name          the index name, or null when it was reached by host
     * @param host          the host its imports were read from
     * @param ready         false when the control plane says it is not ready (nothing was read from it)
     * @param byStatus      every import, by status as Pinecone wrote it
     * @param finished      the imports that finished inside the query's finish window, by status
     * @param oldestRunning when the oldest Pending or InProgress import was created; null when none is running
     */
    public record IndexCensus(String name, String host, boolean ready, Map<String, Integer> byStatus,
            Map<String, Integer> finished, Instant oldestRunning) {
    }
}
