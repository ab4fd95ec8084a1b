package io.github.pineconeimports.client;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The body of {@code POST /bulk/imports}. A field not given is left out of the JSON, never sent as null: with no
 * {@code errorMode} the server's default ({@code abort}) applies.
 *
 * @param uri           where the data is: {@code s3://}, {@code gs://} or an Azure Blob Storage {@code https://} URL
 * @param integrationId the storage integration that reads it, or null
 * @param errorMode     what to do on a bad record, or null for the server's default
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StartImportRequest(String uri, String integrationId, ErrorMode errorMode) {

    /** {@code abort} (the server's default) or {@code continue}. */
    @RegisterForReflection
    public record ErrorMode(String onError) {
    }
}
