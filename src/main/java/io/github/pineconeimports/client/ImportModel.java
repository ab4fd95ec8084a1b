package io.github.pineconeimports.client;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One bulk import as Pinecone describes it. {@code status} is a plain string: from API 2025-10 it is an
 * open set, so a value this code has never seen is kept verbatim. Fields a newer API adds land in
 * {@code extra} and are written back out unchanged.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportModel(
        String id,
        String uri,
        String status,
        // one documentation example uses snake_case; the wire and the spec use camelCase
        @JsonAlias({ "created_at", "started_at" }) Instant createdAt,
        @JsonAlias("finished_at") Instant finishedAt,
        @JsonAlias("percent_complete") Double percentComplete,
        @JsonAlias("records_imported") Long recordsImported,
        String error,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

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
