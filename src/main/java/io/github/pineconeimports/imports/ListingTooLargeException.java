package io.github.pineconeimports.imports;

/** {@code all=true} would return more than the configured cap; the caller should page instead. */
public class ListingTooLargeException extends RuntimeException {

    public ListingTooLargeException(String message) {
        super(message);
    }
}
