package io.github.pineconeimports.client;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.Retry;

import io.smallrye.faulttolerance.api.CustomBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;

/**
 * The one way to call Pinecone: a page of imports from an index host, and the control plane's indexes. Transient
 * failures are retried (see {@link RetryPolicy}) within the caller's {@link Deadline}; the settings can be tuned
 * with MicroProfile Fault Tolerance configuration, e.g.
 * {@code io.github.pineconeimports.client.PineconeClient/retryPage/Retry/maxRetries}.
 */
@ApplicationScoped
public class PineconeClient {

    @Inject
    RestClients rest;

    /** This bean through its proxy, so that {@link #retryPage} goes through the retry interceptor. */
    @Inject
    PineconeClient self;

    /**
     * One page of the index {@code connection} names by host. The first attempt is made directly: the profile of
     * a full scan showed the retry interceptor costing a tenth of the engine's time on every page, and nearly
     * every page succeeds at once. A transient failure hands the page to {@link #retryPage}.
     */
    public ListImportsResponse listImports(Connection connection, int limit, String paginationToken) {
        try {
            return page(connection, limit, paginationToken);
        } catch (PineconeException first) {
            if (!new RetryPolicy.Transient().test(first)) {
                throw first;
            }
            return self.retryPage(connection, limit, paginationToken, new AtomicReference<>(first));
        }
    }

    /**
     * The same page under the retry policy. Its first attempt replays the failure that brought it here, so Fault
     * Tolerance waits as that failure asks (backoff, or Retry-After) before the second real call: the attempts,
     * their number and their waits are the policy's, as if it had been there from the start.
     */
    @Retry(maxRetries = 4, delay = 250, jitter = 0, maxDuration = 60, durationUnit = ChronoUnit.SECONDS)
    @RetryWhen(exception = RetryPolicy.Transient.class)
    @CustomBackoff(RetryPolicy.Backoff.class)
    ListImportsResponse retryPage(Connection connection, int limit, String paginationToken, AtomicReference<PineconeException> replay) {
        PineconeException first = replay.getAndSet(null);
        if (first != null) {
            throw first;
        }
        return page(connection, limit, paginationToken);
    }

    private ListImportsResponse page(Connection connection, int limit, String paginationToken) {
        Deadline.check();
        PineconeApi api = rest.api(PineconeApi.class, connection.host(), connection);
        return rest.page(connection, () -> api.listImports(limit, paginationToken));
    }

    /** {@code GET /bulk/imports/{id}} on the index host {@code connection} names. */
    @Retry(maxRetries = 4, delay = 250, jitter = 0, maxDuration = 60, durationUnit = ChronoUnit.SECONDS)
    @RetryWhen(exception = RetryPolicy.Transient.class)
    @CustomBackoff(RetryPolicy.Backoff.class)
    public ImportModel describeImport(Connection connection, String id) {
        Deadline.check();
        PineconeApi api = rest.api(PineconeApi.class, connection.host(), connection);
        return rest.call(connection, () -> api.describeImport(id), ImportModel.class);
    }

    /** Closes the clients of {@code host} (a host that is gone, such as the SnapStart priming's own). */
    public void forget(IndexHost host) {
        rest.forget(host);
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
