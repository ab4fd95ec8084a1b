package io.github.pineconeimports.client;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.Retry;

import io.smallrye.faulttolerance.api.CustomBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;

/**
 * The one way to call Pinecone: a page of imports from an index host, and the control plane's indexes. Transient
 * failures are retried (see {@link RetryPolicy}) within the caller's {@link Deadline}; the settings can be tuned
 * with MicroProfile Fault Tolerance configuration, e.g.
 * {@code io.github.pineconeimports.client.PineconeClient/listImports/Retry/maxRetries}.
 */
@ApplicationScoped
public class PineconeClient {

    @Inject
    RestClients rest;

    /** One page of the index {@code connection} names by host. */
    @Retry(maxRetries = 4, delay = 250, jitter = 0, maxDuration = 60, durationUnit = ChronoUnit.SECONDS)
    @RetryWhen(exception = RetryPolicy.Transient.class)
    @CustomBackoff(RetryPolicy.Backoff.class)
    public ListImportsResponse listImports(Connection connection, int limit, String paginationToken) {
        Deadline.check();
        PineconeApi api = rest.api(PineconeApi.class, connection.host(), connection);
        return rest.call(connection, () -> api.listImports(limit, paginationToken), ListImportsResponse.class);
    }

    /** {@code GET /indexes} on the control plane. */
    @Retry(maxRetries = 4, delay = 250, jitter = 0, maxDuration = 60, durationUnit = ChronoUnit.SECONDS)
    @RetryWhen(exception = RetryPolicy.Transient.class)
    @CustomBackoff(RetryPolicy.Backoff.class)
    public IndexModel.Listing listIndexes(Connection connection) {
        Deadline.check();
        ControlPlaneApi api = rest.api(ControlPlaneApi.class, connection.controlPlane(), connection);
        return rest.call(connection, api::listIndexes, IndexModel.Listing.class);
    }

    /** {@code GET /indexes/{name}} on the control plane. */
    @Retry(maxRetries = 4, delay = 250, jitter = 0, maxDuration = 60, durationUnit = ChronoUnit.SECONDS)
    @RetryWhen(exception = RetryPolicy.Transient.class)
    @CustomBackoff(RetryPolicy.Backoff.class)
    public IndexModel describeIndex(Connection connection, String name) {
        Deadline.check();
        ControlPlaneApi api = rest.api(ControlPlaneApi.class, connection.controlPlane(), connection);
        return rest.call(connection, () -> api.describeIndex(name), IndexModel.class);
    }
}
