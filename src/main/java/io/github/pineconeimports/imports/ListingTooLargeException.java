package io.github.pineconeimports.imports;

import io.github.pineconeimports.client.Failure;

/** {@code all=true} would return more than the configured cap; the caller should page instead. */
public class ListingTooLargeException extends Failure {

    public ListingTooLargeException(String message) {
        super(message, null);
    }

    @Override
    public Kind kind() {
        return Kind.TOO_LARGE;
    }
}
