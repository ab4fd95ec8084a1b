package io.github.pineconeimports.imports;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What one call looked at: imports scanned, upstream pages read, and the scanned imports counted by status
 * (before the filters). With {@code all=true} and no token, the counts cover the whole index. When the query has
 * a finish-time window, its bounds are echoed, so an alert says which span of time it covers.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Summary(int scanned, int pages, Map<String, Integer> byStatus, Instant finishedSince, Instant finishedUntil) {
}
