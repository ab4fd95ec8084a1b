package io.github.pineconeimports.imports;

import io.github.pineconeimports.client.IndexTarget;
import io.github.pineconeimports.client.ListImportsResponse;

/**
 * How the engine reads one upstream page: Pinecone through {@code PineconeClient} in the application, canned pages
 * in plain unit tests. A failure is a {@code PineconeException}.
 */
@FunctionalInterface
public interface Pages {

    /** The page of {@code target} that {@code pageToken} names (null: the first), of at most {@code limit} imports. */
    ListImportsResponse page(IndexTarget target, int limit, String pageToken);
}
