package io.github.pineconeimports.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What {@code POST /bulk/imports} answers: the new import's id. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
record StartImportResponse(String id) {
}
