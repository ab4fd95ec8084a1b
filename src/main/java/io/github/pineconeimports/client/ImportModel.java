package io.github.pineconeimports.client;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One bulk import as Pinecone describes it. {@code status} is a plain string: from API 2025-10 it is an
 * open set, so a value this code has never seen is kept verbatim. Fields a newer API adds land in
 * {@code extra} and are written back out unchanged. Read by {@link ImportModelReader} (which also takes the
 * snake_case names one documentation example shows); written by Jackson as a record.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonDeserialize(using = ImportModelReader.class)
public record ImportModel(
        String id,
        String uri,
        String status,
        Instant createdAt,
        Instant finishedAt,
        Double percentComplete,
        Long recordsImported,
        String error,
        @JsonAnyGetter Map<String, Object> extra) implements ImportFacts {

    public ImportModel {
        extra = extra == null ? new LinkedHashMap<>() : extra;
    }

    /** The same import, saying which index it belongs to ({@code "index": name}), for listings over several. */
    public ImportModel withIndex(String index) {
        Map<String, Object> more = new LinkedHashMap<>(extra);
        more.put("index", index);
        return new ImportModel(id, uri, status, createdAt, finishedAt, percentComplete, recordsImported, error, more);
    }
}
