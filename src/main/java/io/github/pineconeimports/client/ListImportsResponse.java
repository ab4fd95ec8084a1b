package io.github.pineconeimports.client;

import java.util.List;

/** One page of {@code GET /bulk/imports}: its imports (read as {@link ImportEntry}) and where the next page is. */
public record ListImportsResponse(List<ImportEntry> data, Pagination pagination) {

    /** The upstream token of the next page, or null on the last page. */
    public String nextToken() {
        return pagination != null && pagination.hasNext() ? pagination.next() : null;
    }
}
