package io.github.pineconeimports.function;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.pineconeimports.imports.ImportQuery;
import io.github.pineconeimports.imports.InvalidQueryException;
import io.github.pineconeimports.imports.QueryText;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The input of {@code listImports}, from query parameters or a JSON body. A bean, not a record: Funqy maps
 * query parameters through setters. Every field is kept as text so that the engine, not the binding, judges
 * it ({@link QueryText}) and names the field when it is wrong ({@code limit=abc} is a clear 400, not a mapping
 * failure).
 */
@RegisterForReflection
public class ListImportsInput {

    private static final List<String> FIELDS = QueryText.FIELDS;
    private static final ObjectMapper JSON = new ObjectMapper();

    private List<String> status;
    private String limit;
    private String paginationToken;
    private String all;
    private String since;
    private String until;
    private final Map<String, Object> unknown = new LinkedHashMap<>();

    /** Turns the input into a query, or throws {@link InvalidQueryException} naming the bad field. */
    public ImportQuery toQuery() {
        if (unknown.containsKey("requestContext") && unknown.containsKey("rawPath")) {
            return fromHttpEvent().toQuery();
        }
        if (unknown.containsKey("detail-type")) {
            throw new InvalidQueryException("detail-type", null, String.join(", ", FIELDS),
                    "this is an EventBridge event envelope; give the rule a constant Input such as {\"status\": [\"Failed\"]}");
        }
        if (!unknown.isEmpty()) {
            String name = unknown.keySet().iterator().next();
            throw new InvalidQueryException(name, null, String.join(", ", FIELDS),
                    "unknown field '" + InvalidQueryException.clip(name) + "'");
        }
        Map<String, List<String>> fields = new HashMap<>();
        fields.put("status", status);
        fields.put("limit", single(limit));
        fields.put("paginationToken", single(paginationToken));
        fields.put("all", single(all));
        fields.put("since", single(since));
        fields.put("until", single(until));
        return QueryText.parse(fields);
    }

    private static List<String> single(String value) {
        return value == null ? null : List.of(value);
    }

    /** JSON fields this function does not know; a typo must not silently widen the listing. */
    @JsonAnySetter
    void unknownField(String name, Object value) {
        unknown.put(name, value);
    }

    /**
     * A Lambda Function URL delivers the HTTP request as an event (payload format 2.0): the fields are in its
     * query string (repeated parameters arrive comma-joined, which {@code status} accepts) or its JSON body.
     */
    private ListImportsInput fromHttpEvent() {
        ListImportsInput input = new ListImportsInput();
        Object body = unknown.get("body");
        if (body instanceof String text && !text.isBlank()) {
            String json = Boolean.TRUE.equals(unknown.get("isBase64Encoded"))
                    ? new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8) : text;
            try {
                input = JSON.readValue(json, ListImportsInput.class);
            } catch (IOException | IllegalArgumentException e) {
                throw new InvalidQueryException("body", null, "a JSON object with " + String.join(", ", FIELDS),
                        "the request body is not a JSON object of listImports fields");
            }
        }
        if (unknown.get("queryStringParameters") instanceof Map<?, ?> query) {
            for (Map.Entry<?, ?> parameter : query.entrySet()) {
                String name = String.valueOf(parameter.getKey());
                String value = String.valueOf(parameter.getValue());
                switch (name) {
                    case "status" -> input.setStatus(List.of(value));
                    case "limit" -> input.setLimit(value);
                    case "paginationToken" -> input.setPaginationToken(value);
                    case "all" -> input.setAll(value);
                    case "since" -> input.setSince(value);
                    case "until" -> input.setUntil(value);
                    default -> input.unknownField(name, value);
                }
            }
        }
        return input;
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
