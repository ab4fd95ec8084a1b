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

    /** An error that is only a code and a message. */
    static ErrorBody of(String error, String message) {
        return new ErrorBody(error, message, null, null, null, null, null, null, null);
    }

    /** A field the caller got wrong: the value echoed (clipped, or null when missing) and what is allowed. */
    static ErrorBody field(String error, String message, String field, String value, String allowed) {
        return new ErrorBody(error, message, field, value, allowed, null, null, null, null);
    }

    /** A listing that stopped part-way: how far it got, Pinecone's status, and the index whose walk failed. */
    static ErrorBody incomplete(String error, String message, Integer upstreamStatus, int pagesRead, String index) {
        return new ErrorBody(error, message, null, null, null, upstreamStatus, pagesRead, true, index);
    }
}
