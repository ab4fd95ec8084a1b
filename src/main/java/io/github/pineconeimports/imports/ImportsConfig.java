package io.github.pineconeimports.imports;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bounds of one listing call. */
@ConfigMapping(prefix = "imports")
public interface ImportsConfig {

    /** Upstream pages one call may read: the guard against an upstream that never ends. */
    @WithDefault("1000")
    int maxPages();

    /** The most imports {@code all=true} returns before it answers "too large, page instead". */
    @WithDefault("10000")
    int allMaxResults();

    /**
     * The whole listing, every page and retry included, must end by then. With the 5 s read timeout it ends
     * within 25 s: inside a 30 s Lambda timeout with room to answer.
     */
    @WithDefault("20s")
    Duration deadline();

    /** {@code IMPORTS_INDEX_CONCURRENCY}: indexes whose pages are read at the same time, when a call names several. */
    @WithDefault("4")
    int indexConcurrency();

    /** {@code limit} sent upstream: 100, Pinecone's maximum, reads the index in the fewest calls. */
    @WithDefault("100")
    int upstreamPageSize();
}
