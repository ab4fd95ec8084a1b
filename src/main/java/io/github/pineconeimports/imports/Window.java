package io.github.pineconeimports.imports;

import java.time.Instant;

/**
 * A half-open span of time, {@code [since, until)}; either end may be open. Half-open so that windows laid end to
 * end never share an instant: one on the boundary belongs to the later window.
 */
public record Window(Instant since, Instant until) {

    public static final Window ALWAYS = new Window(null, null);

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
