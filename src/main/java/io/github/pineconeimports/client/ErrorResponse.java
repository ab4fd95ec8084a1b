package io.github.pineconeimports.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The control plane's error body ({@code ErrorResponse} in its spec): {@code {"error": {"code", "message"},
 * "status"}}. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ErrorResponse(Detail error, Integer status) {

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Detail(String code, String message) {
    }
}
