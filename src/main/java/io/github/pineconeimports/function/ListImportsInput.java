package io.github.pineconeimports.function;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import io.github.pineconeimports.failure.Failure;
import io.github.pineconeimports.failure.InvalidQueryException;
import io.github.pineconeimports.imports.ImportQuery;
import io.github.pineconeimports.imports.QueryText;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The input of {@code listImports}, from query parameters, a JSON body, a Lambda event or CloudEvent data. A bean
 * with setters, because Funqy maps query parameters through them. Every field is kept as text so that the
 * engine ({@link QueryText}), not the binding, judges it and names the field when it is wrong ({@code limit=abc}
 * is a clear 400, not a mapping failure).
 */
@RegisterForReflection
// field names are exact: Funqy's HTTP binding reads JSON case-insensitively, and "Status" must not pass for "status"
@JsonFormat(without = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public class ListImportsInput {

    public static final List<String> FIELDS = QueryText.FIELDS;

    // Jackson names a key found twice (StrictJson) in its message only, the same way in the parser and the tree
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '([^']*)'");

    final Map<String, List<String>> fields = new HashMap<>();
    private final Map<String, Object> unknown = new LinkedHashMap<>();
    // a field set twice (a JSON object with two "since" keys, since=A&since=B): refused, never last-wins
    private String repeated;

    /** Turns the input into a query, or throws {@link InvalidQueryException} naming the bad field. */
    public ImportQuery toQuery() {
        return toQuery(null);
    }

    /** The same, where {@code asOf} defaults to the time of the trigger that delivered this input. */
    public ImportQuery toQuery(Instant triggerTime) {
        if (!unknown.isEmpty()) {
            String name = unknown.keySet().iterator().next();
            throw new InvalidQueryException(name, null, String.join(", ", FIELDS),
                    "unknown field '" + InvalidQueryException.clip(name) + "'");
        }
        if (repeated != null) {
            throw repeated(repeated);
        }
        return QueryText.parse(fields, triggerTime);
    }

    /**
     * Why JSON could not become this input, naming the field when there is one: a field of the wrong type
     * ({@code "limit": [1, 2]}), or a body that is not a JSON object at all.
     */
    public static InvalidQueryException unreadable(Throwable jsonFailure) {
        String allowed = "a JSON object with " + String.join(", ", FIELDS);
        String original = jsonFailure instanceof JsonProcessingException e ? String.valueOf(e.getOriginalMessage())
                : "";
        Matcher duplicate = DUPLICATE.matcher(original);
        if (duplicate.find()) {
            return repeated(duplicate.group(1));
        }
        if (jsonFailure instanceof JsonMappingException e && !e.getPath().isEmpty() && e.getPath().get(0)
                .getFieldName() != null) {
            String field = e.getPath().get(0).getFieldName();
            return new InvalidQueryException(field, null, allowed, "wrong JSON type (status takes a string or a list of"
                    + " strings; the others a string, number or boolean)");
        }
        if (jsonFailure instanceof JsonProcessingException e && !(e instanceof JsonMappingException)) {
            return new InvalidQueryException("body", null, allowed, "not valid JSON ("
                    + InvalidQueryException.clip(e.getOriginalMessage()) + ")");
        }
        if (jsonFailure instanceof JsonMappingException && original.startsWith("Trailing token")) {
            return new InvalidQueryException("body", null, allowed, "content after the JSON object; send one object");
        }
        return new InvalidQueryException("body", null, allowed, "expected " + allowed);
    }

    /** A field given twice, which is refused rather than read as either value. */
    static InvalidQueryException repeated(String field) {
        return new InvalidQueryException(field, null, "one " + field + (QueryText.REPEATABLE.contains(field)
                ? " field, whose value may be a list" : " field"), field + " is given more than once; give it once");
    }

    /**
     * When a binding could not read its input as JSON (and wrapped Jackson's failure in its own), the caller's
     * mistake it was, naming the field; null when {@code thrown} is something else.
     */
    public static InvalidQueryException unreadableInput(Throwable thrown) {
        JsonProcessingException json = Failure.find(thrown, JsonProcessingException.class);
        return Failure.find(thrown) != null || json == null ? null : unreadable(json);
    }

    /**
     * The input a decoded query string gives: {@code status} and {@code index} may repeat (a list), any other field
     * given twice is refused, and a name that is no field is refused as unknown.
     */
    public static ListImportsInput fromQuery(Map<String, List<String>> parameters) {
        ListImportsInput input = new ListImportsInput();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (!FIELDS.contains(parameter.getKey())) {
                input.unknownField(parameter.getKey(), parameter.getValue());
            } else if (QueryText.REPEATABLE.contains(parameter.getKey())) {
                input.list(parameter.getKey(), parameter.getValue());
            } else {
                for (String value : parameter.getValue()) {
                    input.set(parameter.getKey(), value);
                }
            }
        }
        return input;
    }

    /** Whether any field was given (known or not). */
    public boolean isEmpty() {
        return fields.isEmpty() && unknown.isEmpty();
    }

    /** JSON fields this function does not know; a typo must not silently widen the listing. */
    @JsonAnySetter
    void unknownField(String name, Object value) {
        unknown.put(name, value);
    }

    void set(String field, String value) {
        list(field, value == null ? null : List.of(value));
    }

    void list(String field, List<String> values) {
        if (fields.containsKey(field) && repeated == null) {
            repeated = field;
        }
        fields.put(field, values);
    }

    // a JSON body may send "status": "Failed" or "status": ["Failed", "Cancelled"]
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    public void setStatus(List<String> status) {
        list("status", status);
    }

    public void setLimit(String limit) {
        set("limit", limit);
    }

    public void setPaginationToken(String paginationToken) {
        set("paginationToken", paginationToken);
    }

    public void setAll(String all) {
        set("all", all);
    }

    public void setCounts(String counts) {
        set("counts", counts);
    }

    public void setSince(String since) {
        set("since", since);
    }

    public void setUntil(String until) {
        set("until", until);
    }

    public void setFinishedSince(String finishedSince) {
        set("finishedSince", finishedSince);
    }

    public void setFinishedUntil(String finishedUntil) {
        set("finishedUntil", finishedUntil);
    }

    public void setFinishedWithin(String finishedWithin) {
        set("finishedWithin", finishedWithin);
    }

    public void setAsOf(String asOf) {
        set("asOf", asOf);
    }

    // one name, several (a list, or commas), or "*"
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    public void setIndex(List<String> index) {
        list("index", index);
    }
}
