package io.github.pineconeimports.scan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.pineconeimports.failure.InvalidQueryException;
import io.github.pineconeimports.failure.PineconeConfigException;
import io.github.pineconeimports.imports.ImportLister;
import io.github.pineconeimports.imports.ImportQuery;
import io.github.pineconeimports.imports.QueryBuilder;
import io.quarkus.runtime.configuration.DurationConverter;

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
            throw new PineconeConfigException(INTERVAL + " is " + show(interval)
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
        String text = config.interval().get().strip();
        Duration interval;
        try {
            interval = DurationConverter.parseDuration(text);
        } catch (RuntimeException e) {
            interval = null;
        }
        if (interval == null) {
            throw new PineconeConfigException(INTERVAL + " is '" + text + "', not a duration: give one from 1s to 1m,"
                    + " such as 1m or 30s");
        }
        List<String> names = new ArrayList<>();
        String given = config.indexes().orElse(null);
        for (String name : given == null ? new String[0] : given.split(",", -1)) {
            String index = name.strip();
            if (index.isEmpty() || names.contains(index)) {
                String problem = index.isEmpty() ? "a name is blank" : "'" + index + "' is given twice";
                throw new PineconeConfigException(INDEXES + " is '" + given + "': " + problem
                        + "; give index names separated by commas, each once, or *");
            }
            names.add(index);
        }
        return new ScanSettings(interval, names);
    }

    /**
     * The settings in {@code config}, checked against where the engine would list (no network): names with an index
     * host configured, or no name with neither an index nor a host configured, can never scan.
     */
    static ScanSettings checked(ScanConfig config, ImportLister lister) {
        ScanSettings settings = of(config);
        if (settings != null) {
            try {
                lister.checkTargets(settings.query(null, null));
            } catch (InvalidQueryException e) {
                throw new PineconeConfigException(INDEXES + " names indexes while PINECONE_INDEX_HOST names a host:"
                        + " unset PINECONE_INDEX_HOST to scan by name");
            } catch (PineconeConfigException e) {
                throw new PineconeConfigException("the scan has no index: set " + INDEXES + " (names, or *),"
                        + " PINECONE_INDEX or PINECONE_INDEX_HOST (" + e.getMessage() + ")");
            }
        }
        return settings;
    }

    /** As a person writes it: 30s, 1m. */
    static String show(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    /** A {@code counts=true} query over these indexes whose finish window is {@code [since, until)}. */
    ImportQuery query(Instant since, Instant until) {
        return builder(indexes).finishedSince(since).finishedUntil(until).build();
    }

    private static QueryBuilder builder(List<String> indexes) {
        try {
            return ImportQuery.builder().counts(true).indexes(indexes);
        } catch (InvalidQueryException e) {
            throw new PineconeConfigException(INDEXES + " is '" + String.join(",", indexes) + "': " + e.getMessage()
                    + " (" + e.allowed() + ")");
        }
    }
}
