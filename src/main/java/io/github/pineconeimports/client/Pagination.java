package io.github.pineconeimports.client;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Pinecone's pagination block: {@code next} is absent or empty on the last page. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Pagination(String next) {

    public boolean hasNext() {
        return next != null && !next.isBlank();
    }
}
