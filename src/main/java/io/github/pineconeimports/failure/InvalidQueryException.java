package io.github.pineconeimports.failure;

import java.util.function.Function;

/** A caller's input that cannot be turned into a query. Names the field, the value and what is allowed. */
public class InvalidQueryException extends Failure {
    private final String field;
    private final String value;
    private final String allowed;
    private final String problem;

    public InvalidQueryException(String field, String value, String allowed, String problem) {
        super(Kind.INVALID_INPUT, field + ": " + problem + (allowed == null ? "" : " (allowed: " + allowed + ")"),
                null);
        this.problem = problem;
        this.field = field;
        this.value = value == null ? null : clip(value);
        this.allowed = allowed;
    }

    public String field() {
        return field;
    }

    /** The offending value, shortened for echoing back; null when the field was missing. */
    public String value() {
        return value;
    }

    public String allowed() {
        return allowed;
    }

    /** The message with the field named as the caller typed it (the command line's {@code --finished-within}). */
    public String message(Function<String, String> names) {
        return names.apply(field) + ": " + problem + (allowed == null ? "" : " (allowed: " + allowed + ")");
    }

    /** Echoed input, shortened and with control characters masked (see {@link Failure#clip}). */
    public static String clip(String text) {
        return Failure.clip(text, 64);
    }
}
