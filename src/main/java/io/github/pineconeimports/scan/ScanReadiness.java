package io.github.pineconeimports.scan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.github.pineconeimports.failure.PineconeConfigException;
import io.github.pineconeimports.imports.ImportLister;

/**
 * Down when the scan is asked for with settings it refuses (an interval out of range, a bad index name, no index to
 * scan): the function still answers, but a deployment that asked for metrics must not look healthy without them.
 */
@Readiness
@ApplicationScoped
public class ScanReadiness implements HealthCheck {

    @Inject
    ScanConfig config;

    @Inject
    ImportLister lister;

    @Override
    public HealthCheckResponse call() {
        try {
            ScanSettings settings = ScanSettings.checked(config, lister);
            String interval = settings == null ? "off" : ScanSettings.show(settings.interval());
            return HealthCheckResponse.named("imports-scan").up().withData("interval", interval).build();
        } catch (PineconeConfigException e) {
            return HealthCheckResponse.named("imports-scan").down().withData("problem", e.getMessage()).build();
        }
    }
}
