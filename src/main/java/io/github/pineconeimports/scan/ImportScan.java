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
    private String lastOutcome;

    void start(@Observes StartupEvent started) {
        if (!serving || config.interval().isEmpty()) {
            return;
        }
        // from the start, so that a scanner that never succeeds is alerted on, whatever stops it
        meters = new ScanMeters(registry, clock.instant());
        ScanSettings settings;
        try {
            settings = ScanSettings.checked(config, lister);
        } catch (PineconeConfigException e) {
            LOG.errorf("No scan: %s (readiness is DOWN until it is fixed)", e.getMessage());
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "pinecone-imports-scan");
            thread.setDaemon(true);
            return thread;
        });
        // a fixed delay: after a slow scan the next waits its interval, not catching up on a struggling Pinecone
        long every = settings.interval().toMillis();
        timer.scheduleWithFixedDelay(() -> scanAlways(settings), 0, every, TimeUnit.MILLISECONDS);
        LOG.infof("Scanning %s every %s", settings.indexes().isEmpty() ? "the configured index"
                : String.join(",", settings.indexes()), ScanSettings.show(settings.interval()));
    }

    /** A scheduled scan: whatever it throws, the next one still runs (an executor drops a task that throws). */
    private void scanAlways(ScanSettings settings) {
        try {
            scan(settings);
        } catch (Throwable e) {
            LOG.error("A scan failed outside the listing; the next one runs as scheduled", e);
        }
    }

    /** One scan: a complete census published at once, or, when any page of any index fails, only that it failed. */
    public synchronized String scan(ScanSettings settings) {
        Instant at = clock.instant();
        if (meters == null) {
            meters = new ScanMeters(registry, at);
        }
        long started = System.nanoTime();
        Window finished = CounterDay.at(at);
        String outcome;
        try {
            Census census = lister.census(finished == null ? settings.query(null, null)
                    : settings.query(finished.since(), finished.until()));
            meters.published(census, finished != null, at, Duration.ofNanos(System.nanoTime() - started));
            if (lastOutcome != null && !lastOutcome.equals("success")) {
                LOG.infof("Scans succeed again, after failing (%s)", lastOutcome);
            }
            outcome = "success";
        } catch (Failure e) {
            outcome = e.kind().name().toLowerCase(Locale.ROOT);
            if (!outcome.equals(lastOutcome)) { // once per change, not every interval: the metrics say the rest
                LOG.warnf("Scans fail (%s); the metrics keep the last complete scan: %s", outcome, e.getMessage());
            }
            meters.failed(at, Duration.ofNanos(System.nanoTime() - started), outcome);
        } catch (RuntimeException e) {
            outcome = "internal";
            if (!outcome.equals(lastOutcome)) {
                LOG.error("Scans fail on a bug of ours; the metrics keep the last complete scan", e);
            }
            meters.failed(at, Duration.ofNanos(System.nanoTime() - started), outcome);
        }
        lastOutcome = outcome;
        return outcome;
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
