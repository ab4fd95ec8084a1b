package io.github.pineconeimports.imports;

import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What one call looked at: imports scanned, upstream pages read, and the scanned imports counted by status
 * (before the status filter). With {@code all=true} and no token, the counts cover the whole index.
 */
@RegisterForReflection
public record Summary(int scanned, int pages, Map<String, Integer> byStatus) {
}
