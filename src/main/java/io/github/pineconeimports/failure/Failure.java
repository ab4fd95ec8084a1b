package io.github.pineconeimports.failure;

import java.util.Objects;
import java.util.stream.Stream;

/**
 * Every failure this project reports has a {@link Kind}. Each face maps the kind to its own answer in one place
 * (HTTP status and error code, exit code, metric outcome, Lambda error name), so no face has to work it out
 * again from exception classes or status numbers.
 */
public abstract class Failure extends RuntimeException {

    public enum Kind {
        /** The caller's input cannot be a query: fix the input, do not retry. */
        INVALID_INPUT,
        /** Key, host or index are missing or unusable: fix the deployment. */
        NOT_CONFIGURED,
        /** {@code all=true} would exceed a configured cap: page instead. */
        TOO_LARGE,
        /** Pinecone refused the call (4xx: key, access, not found). */
        UPSTREAM_REJECTED,
        /** Pinecone failed (5xx) or could not be reached, after the retries. */
        UPSTREAM_UNAVAILABLE,
        /** Pinecone still rate-limited (429) after the retries. */
        UPSTREAM_THROTTLED,
        /** The listing's deadline passed. */
        DEADLINE,
        /** Pinecone answered something impossible: malformed, oversized, a loop, a redirect. */
        UPSTREAM_ANOMALY,
        /** A bug of ours. */
        INTERNAL;

        /** Whether the listing stopped part-way through Pinecone's pages (the caller may try again later). */
        public boolean incomplete() {
            return this == UPSTREAM_REJECTED || this == UPSTREAM_UNAVAILABLE || this == UPSTREAM_THROTTLED
                    || this == DEADLINE || this == UPSTREAM_ANOMALY;
        }
    }

    private final Kind kind;

    protected Failure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public final Kind kind() {
        return kind;
    }

    /** Text from outside (input, Pinecone), made safe to echo: control characters as {@code ?}, at most {@code max}. */
    public static String clip(String text, int max) {
        if (text == null) {
            return null;
        }
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= max ? printable : printable.substring(0, max) + "…";
    }

    /** The first failure of ours in a cause chain (Funqy, CDI and Vert.x wrap what we throw), or null. */
    public static Failure find(Throwable thrown) {
        return find(thrown, Failure.class);
    }

    /** The first {@code type} in {@code thrown}'s cause chain, or null. */
    public static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        return causes(thrown).filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }

    /** {@code thrown} and its causes, outermost first: the one walk of a cause chain. */
    public static Stream<Throwable> causes(Throwable thrown) {
        return Stream.iterate(thrown, Objects::nonNull, t -> t.getCause() == t ? null : t.getCause());
    }

    /** The innermost cause: what a wrapper (a failed start, a failed call) is about. */
    public static Throwable root(Throwable thrown) {
        return causes(thrown).reduce((outer, inner) -> inner).orElse(thrown);
    }

    /** The kind of anything thrown: {@link Kind#INTERNAL} when it is not one of ours. */
    public static Kind kindOf(Throwable thrown) {
        Failure failure = find(thrown);
        return failure == null ? Kind.INTERNAL : failure.kind();
    }
}
