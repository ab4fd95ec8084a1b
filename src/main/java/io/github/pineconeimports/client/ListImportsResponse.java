package io.github.pineconeimports.client;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One page of {@code GET /bulk/imports}. */
@RegisterForReflection
public record ListImportsResponse(List<ImportModel> data, Pagination pagination) {

    /** The upstream token of the next page, or null on the last page. */
    public String nextToken() {
        return pagination != null && pagination.hasNext() ? pagination.next() : null;
    }
}
