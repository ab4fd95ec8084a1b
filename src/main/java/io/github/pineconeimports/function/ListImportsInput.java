package io.github.pineconeimports.function;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonFormat;

import io.github.pineconeimports.imports.ImportQuery;
import io.github.pineconeimports.imports.InvalidQueryException;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The input of {@code listImports}, from query parameters or a JSON body. A bean, not a record: Funqy maps
 * query parameters through setters. Every field is kept as text so that the engine, not the binding, judges
 * it and names the field when it is wrong ({@code limit=abc} is a clear 400, not a mapping failure).
 */
@RegisterForReflection
public class ListImportsInput {

    public static final List<String> FIELDS = List.of("status", "limit", "paginationToken", "all", "since", "until");

    private List<String> status;
    private String limit;
    private String paginationToken;
    private String all;
    private String since;
    private String until;
    private final List<String> unknown = new ArrayList<>();

    /** Turns the input into a query, or throws {@link InvalidQueryException} naming the bad field. */
    public ImportQuery toQuery() {
        if (unknown.contains("detail-type")) {
            throw new InvalidQueryException("detail-type", null, String.join(", ", FIELDS),
                    "this is an EventBridge event envelope; give the rule a constant Input such as {\"status\": [\"Failed\"]}");
        }
        if (!unknown.isEmpty()) {
            throw new InvalidQueryException(unknown.get(0), null, String.join(", ", FIELDS),
                    "unknown field '" + InvalidQueryException.clip(unknown.get(0)) + "'");
        }
        return ImportQuery.parse(status, limit, paginationToken, all, since, until);
    }

    /** JSON fields this function does not know; a typo must not silently widen the listing. */
    @JsonAnySetter
    void unknownField(String name, Object ignored) {
        unknown.add(name);
    }

    public List<String> getStatus() {
        return status;
    }

    // a JSON body may send "status": "Failed" or "status": ["Failed", "Cancelled"]
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    public void setStatus(List<String> status) {
        this.status = status;
    }

    public String getLimit() {
        return limit;
    }

    public void setLimit(String limit) {
        this.limit = limit;
    }

    public String getPaginationToken() {
        return paginationToken;
    }

    public void setPaginationToken(String paginationToken) {
        this.paginationToken = paginationToken;
    }

    public String getAll() {
        return all;
    }

    public void setAll(String all) {
        this.all = all;
    }

    public String getSince() {
        return since;
    }

    public void setSince(String since) {
        this.since = since;
    }

    public String getUntil() {
        return until;
    }

    public void setUntil(String until) {
        this.until = until;
    }
}
