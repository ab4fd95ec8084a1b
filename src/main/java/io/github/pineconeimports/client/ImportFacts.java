package io.github.pineconeimports.client;

import java.time.Instant;

/** What a filter looks at in an import: its status and its two timestamps. */
public interface ImportFacts {

    String status();

    Instant createdAt();

    Instant finishedAt();
}
