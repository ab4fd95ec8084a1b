package io.github.pineconeimports.imports;

import java.time.Instant;
import java.util.function.Function;

import io.github.pineconeimports.failure.InvalidQueryException;

/**
 * A half-open span of time, {@code [since, until)}; either end may be open. Half-open so that windows laid end to
 * end never share an instant: one on the boundary belongs to the later window.
 */
public record Window(Instant since, Instant until) {

    public static final Window ALWAYS = new Window(null, null);

    /**
     * The window between two fields of a query, refused (naming {@code untilField} as the caller typed it) when it
     * would be empty: a window that can hold nothing is a mistake, never an empty answer.
     */
    static Window between(String sinceField, Instant since, String untilField, Instant until,
            Function<String, String> typed) {
        if (since != null && until != null && !since.isBefore(until)) {
            throw new InvalidQueryException(untilField, until.toString(), "an instant after " + typed.apply(sinceField),
                    typed.apply(untilField) + " must be after " + typed.apply(sinceField));
        }
        return new Window(since, until);
    }

    public boolean bounded() {
        return since != null || until != null;
    }

    /** Whether {@code at} lies inside; an unknown instant lies inside only the unbounded window. */
    public boolean contains(Instant at) {
        if (at == null) {
            return !bounded();
        }
        return (since == null || !at.isBefore(since)) && (until == null || at.isBefore(until));
    }

    @Override
    public String toString() {
        return since + ".." + until;
    }
}
