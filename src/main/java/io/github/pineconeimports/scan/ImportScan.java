package io.github.pineconeimports.scan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.github.pineconeimports.failure.Failure;
import io.github.pineconeimports.failure.PineconeConfigException;
import io.github.pineconeimports.imports.Census;
import io.github.pineconeimports.imports.ImportLister;
import io.github.pineconeimports.imports.Window;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * Scan mode: while the application serves HTTP and {@code IMPORTS_SCAN_INTERVAL} is set, takes a census of the
 * imports on that interval and exports it as Prometheus metrics ({@link ScanMeters}). One scan at a time: a scan
 * that overruns its interval delays the next rather than overlapping it.
 */
@ApplicationScoped
public class ImportScan {

    private static final Logger LOG = Logger.getLogger(ImportScan.class);

    @Inject
    ScanConfig config;

    @Inject
    ImportLister lister;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    // a command-line run turns the HTTP server off (cli.Main): it never scans
    @ConfigProperty(name = "quarkus.http.host-enabled", defaultValue = "true")
    boolean serving;

    private ScanMeters meters;
    private ScheduledExecutorService timer;

    void start(@Observes StartupEvent started) {
        ScanSettings settings;
        try {
            settings = ScanSettings.of(config);
        } catch (PineconeConfigException e) {
            LOG.errorf("No scan: %s (see ScanReadiness)", e.getMessage());
            return;
        }
        if (settings == null || !serving) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "pinecone-imports-scan");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(() -> scan(settings), 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
        LOG.infof("Scanning %s every %s", settings.indexes().isEmpty() ? "the configured index"
                : String.join(",", settings.indexes()), settings.interval());
    }

    /** One scan: a complete census published at once, or, when any page of any index fails, only that it failed. */
    public synchronized String scan(ScanSettings settings) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        Window finished = CounterDay.at(at, settings.interval());
        String outcome;
        try {
            Census census = lister.census(finished == null ? settings.query(null, null)
                    : settings.query(finished.since(), finished.until()));
            meters().published(census, finished != null, at, Duration.ofNanos(System.nanoTime() - started));
            return "success";
        } catch (Failure e) {
            outcome = e.kind().name().toLowerCase(Locale.ROOT);
            LOG.warnf("Scan failed, the metrics keep the last complete scan (%s): %s", outcome, e.getMessage());
        } catch (RuntimeException e) {
            outcome = "internal";
            LOG.error("Scan failed on a bug of ours; the metrics keep the last complete scan", e);
        }
        meters().failed(at, Duration.ofNanos(System.nanoTime() - started), outcome);
        return outcome;
    }

    private ScanMeters meters() {
        if (meters == null) {
            meters = new ScanMeters(registry);
        }
        return meters;
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
