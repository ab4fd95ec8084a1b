package io.github.pineconeimports.imports;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.github.pineconeimports.client.ImportModel;
import io.github.pineconeimports.client.Pagination;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One answer, in Pinecone's own shape over the filtered list: {@code pagination} is absent when the listing
 * is complete, and otherwise holds our continuation token. A {@code counts=true} answer has no {@code data}, only
 * {@code matched}: how many imports matched, by status.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportPage(List<ImportModel> data, Pagination pagination, Counts matched, Summary summary) {

    /** Whether the answer holds at least one import. */
    public boolean found() {
        return data != null && !data.isEmpty();
    }
}
