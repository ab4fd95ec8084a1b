package io.github.pineconeimports.failure;


/**
 * One answer cannot hold what was asked: {@code all=true} would return more than the configured cap, or an
 * {@code all=true} or {@code counts=true} walk would read more pages than allowed. Names the field that asked.
 */
public class ListingTooLargeException extends Failure {
    public static final String ALL_ALLOWED = "all=true up to the configured cap, or limit with paginationToken";

    private final String field;
    private final String allowed;

    public ListingTooLargeException(String field, String allowed, String message) {
        super(Kind.TOO_LARGE, message, null);
        this.field = field;
        this.allowed = allowed;
    }

    public String field() {
        return field;
    }

    public String allowed() {
        return allowed;
    }
}
