package io.github.pineconeimports.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.faulttolerance.api.Guard;

/**
 * The one way to call Pinecone: a page of imports or one import from an index host, and the control plane's
 * indexes. Every call runs under {@link RetryPolicy}'s guard within the caller's {@link Deadline}; tune it with
 * {@code PINECONE_RETRIES} and {@code PINECONE_RETRY_DELAY}.
 */
@ApplicationScoped
public class PineconeClient {

    @Inject
    RestClients rest;

    @Inject
    PineconeConfig config;

    private volatile Guard guard;

    /** The guard, built on first use: settings out of range are a setting to fix, reported by each call. */
    private Guard retries() {
        Guard built = guard;
        if (built == null) {
            RetryPolicy.check(config.retries(), config.retryDelay());
            guard = built = RetryPolicy.guard(config.retries(), config.retryDelay());
        }
        return built;
    }

    /** One page of the index {@code connection} names by host. */
    public ListImportsResponse listImports(Connection connection, int limit, String paginationToken) {
        return retries().get(() -> {
            Deadline.check();
            PineconeApi api = rest.api(PineconeApi.class, connection.host(), connection);
            return rest.page(connection, () -> api.listImports(limit, paginationToken));
        }, ListImportsResponse.class);
    }

    /** {@code GET /bulk/imports/{id}} on the index host {@code connection} names. */
    public ImportModel describeImport(Connection connection, String id) {
        return retries().get(() -> {
            Deadline.check();
            PineconeApi api = rest.api(PineconeApi.class, connection.host(), connection);
            return rest.call(connection, () -> api.describeImport(id), ImportModel.class);
        }, ImportModel.class);
    }

    /** {@code GET /indexes} on the control plane. */
    public IndexModel.Listing listIndexes(Connection connection) {
        return retries().get(() -> {
            Deadline.check();
            ControlPlaneApi api = rest.api(ControlPlaneApi.class, connection.controlPlane(), connection);
            return rest.call(connection, api::listIndexes, IndexModel.Listing.class);
        }, IndexModel.Listing.class);
    }

    /** {@code GET /indexes/{name}} on the control plane. */
    public IndexModel describeIndex(Connection connection, String name) {
        return retries().get(() -> {
            Deadline.check();
            ControlPlaneApi api = rest.api(ControlPlaneApi.class, connection.controlPlane(), connection);
            return rest.call(connection, () -> api.describeIndex(name), IndexModel.class);
        }, IndexModel.class);
    }

    /** Closes the clients of {@code host} (a host that is gone, such as the SnapStart priming's own). */
    public void forget(IndexHost host) {
        rest.forget(host);
    }
}
