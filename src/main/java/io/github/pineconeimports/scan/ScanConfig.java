package io.github.pineconeimports.scan;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The scan's settings, read as given; {@link ScanSettings#of} judges them. */
@ConfigMapping(prefix = "imports.scan")
public interface ScanConfig {

    /** {@code IMPORTS_SCAN_INTERVAL}: scan this often; unset, there is no scan. Text: ScanSettings reads it. */
    Optional<String> interval();

    /** {@code IMPORTS_SCAN_INDEXES}: index names, comma-separated, or {@code *}; unset, the configured index. */
    Optional<String> indexes();
}
