package io.github.pineconeimports.scan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.pineconeimports.failure.InvalidQueryException;
import io.github.pineconeimports.failure.PineconeConfigException;
import io.github.pineconeimports.imports.ImportQuery;
import io.github.pineconeimports.imports.QueryBuilder;

/**
 * What a scan lists and how often, checked: an interval from 1 s to 1 min (the alert rules' look-back and the
 * counters' midnight phases are sized for that), and index names (each once, none blank) or {@code *}; no names means
 * the configured index ({@code PINECONE_INDEX} or {@code PINECONE_INDEX_HOST}).
 */
public record ScanSettings(Duration interval, List<String> indexes) {

    public static final String INTERVAL = "IMPORTS_SCAN_INTERVAL";
    public static final String INDEXES = "IMPORTS_SCAN_INDEXES";
    static final Duration SHORTEST = Duration.ofSeconds(1);
    static final Duration LONGEST = Duration.ofMinutes(1);

    public ScanSettings {
        if (interval.compareTo(SHORTEST) < 0 || interval.compareTo(LONGEST) > 0) {
            throw new PineconeConfigException(INTERVAL + " is " + interval.toString().substring(2).toLowerCase()
                    + ": give a duration from 1s to 1m, such as 1m or 30s");
        }
        indexes = List.copyOf(indexes);
        builder(indexes);
    }

    /** The settings in {@code config}, or null when the scan is off. */
    static ScanSettings of(ScanConfig config) {
        if (config.interval().isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (String name : config.indexes().map(list -> list.split(",", -1)).orElse(new String[0])) {
            String given = name.strip();
            if (given.isEmpty() || names.contains(given)) {
                throw new PineconeConfigException(INDEXES + " is '" + config.indexes().get() + "': give index names"
                        + " separated by commas, each once, or *");
            }
            names.add(given);
        }
        return new ScanSettings(config.interval().get(), names);
    }

    /** A {@code counts=true} query over these indexes whose finish window is {@code [since, until)}. */
    ImportQuery query(Instant since, Instant until) {
        return builder(indexes).finishedSince(since).finishedUntil(until).build();
    }

    private static QueryBuilder builder(List<String> indexes) {
        try {
            return ImportQuery.builder().counts(true).indexes(indexes);
        } catch (InvalidQueryException e) {
            throw new PineconeConfigException(INDEXES + ": " + e.getMessage());
        }
    }
}
