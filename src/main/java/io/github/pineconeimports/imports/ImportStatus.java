package io.github.pineconeimports.imports;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The statuses a caller may filter on, with their wire spelling. Pinecone's own field is an open string
 * from API 2025-10, so imports keep whatever status they came with; this enum only names the ones a
 * filter can ask for.
 */
public enum ImportStatus {
    PENDING("Pending"),
    IN_PROGRESS("InProgress"),
    FAILED("Failed"),
    COMPLETED("Completed"),
    CANCELLED("Cancelled");

    public static final List<String> NAMES = Arrays.stream(values()).map(ImportStatus::wire).toList();

    // every call parses its statuses: a loop over one copy of values(), not a stream (see the bench results)
    private static final ImportStatus[] ALL = values();

    private final String wire;

    ImportStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** Completed, Failed and Cancelled imports will not change again. */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /** Case-insensitive lookup; also accepts {@code in_progress} and {@code in-progress}. */
    public static Optional<ImportStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.strip().replace("_", "").replace("-", "");
        for (ImportStatus status : ALL) {
            if (status.wire.equalsIgnoreCase(key)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /** Whether an upstream status string is this status, whatever its case. */
    public boolean matches(String upstream) {
        return wire.equalsIgnoreCase(upstream);
    }
}
