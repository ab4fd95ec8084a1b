package io.github.pineconeimports.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What the control plane says of an index that matters here: its name, its data-plane host, whether it is ready. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record IndexModel(String name, String host, Status status) {

    public boolean ready() {
        return status != null && Boolean.TRUE.equals(status.ready());
    }

    public String state() {
        return status == null ? null : status.state();
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Status(Boolean ready, String state) {
    }

    /** {@code GET /indexes}. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Listing(List<IndexModel> indexes) {
    }
}
