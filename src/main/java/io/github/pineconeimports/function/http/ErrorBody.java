package io.github.pineconeimports.function.http;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Every error answer of the function: a stable {@code error} code, a sentence for people, and the details
 * that apply (the bad field and what it allows; how far an incomplete listing got).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String error, String message, String field, String value, String allowed,
        Integer upstreamStatus, Integer pagesRead, Boolean incomplete, String index) {

    static ErrorBody of(String error, String message) {
        return new ErrorBody(error, message, null, null, null, null, null, null, null);
    }
}
