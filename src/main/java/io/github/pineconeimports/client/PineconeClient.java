package io.github.pineconeimports.client;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.github.pineconeimports.failure.PineconeException;

/**
 * The one way to call Pinecone: a page of imports or one import from an index host, and the control plane's
 * indexes. Every call runs under {@link RetryPolicy} within the caller's {@link Deadline}; tune it with
 * {@code PINECONE_RETRIES} and {@code PINECONE_RETRY_DELAY}.
 */
@ApplicationScoped
public class PineconeClient {

    @Inject
    RestClients rest;

    @Inject
    Exchange exchange;

    @Inject
    PineconeConfig config;

    private volatile RetryPolicy policy;

    /** The policy, made on first use: settings out of range are a setting to fix, reported by each call. */
    private RetryPolicy retries() {
        RetryPolicy made = policy;
        if (made == null) {
            policy = made = new RetryPolicy(config.retries(), config.retryDelay());
        }
        return made;
    }

    /** One page of the index {@code connection} names by host. */
    public ListImportsResponse listImports(Connection connection, int limit, String paginationToken) {
        return retries().call(() -> {
            Deadline.check();
            PineconeApi api = rest.api(PineconeApi.class, connection.host(), connection);
            return exchange.page(connection, () -> api.listImports(limit, paginationToken));
        });
    }

    /** {@code GET /bulk/imports/{id}} on the index host {@code connection} names. */
    public ImportModel describeImport(Connection connection, String id) {
        return retries().call(() -> {
            Deadline.check();
            PineconeApi api = rest.api(PineconeApi.class, connection.host(), connection);
            return exchange.call(connection, () -> api.describeImport(id), ImportModel.class);
        });
    }

    /**
     * {@code POST /bulk/imports}, tried once: starting an import is not idempotent, and a call that timed out or failed
     * after it was sent may have started one, which a second call would start again.
     */
    public String startImport(Connection connection, StartImportRequest request) {
        Deadline.check();
        PineconeApi api = rest.api(PineconeApi.class, connection.host(), connection);
        String id = exchange.call(connection, () -> api.startImport(request), StartImportResponse.class).id();
        // the id is printed, then given back in URLs: one that could not be (blank, over Pinecone's 1,000
        // characters, control characters) is an answer we could not read, so the import may exist
        if (id == null || id.isBlank() || id.length() > 1000 || id.chars().anyMatch(Character::isISOControl)) {
            throw PineconeException.anomaly("Pinecone accepted the start but named no usable import id");
        }
        return id;
    }

    /** {@code DELETE /bulk/imports/{id}}, retried as a listing is: cancelling twice cancels once. */
    public void cancelImport(Connection connection, String id) {
        retries().call(() -> {
            Deadline.check();
            PineconeApi api = rest.api(PineconeApi.class, connection.host(), connection);
            return exchange.call(connection, () -> api.cancelImport(id), Map.class);
        });
    }

    /** {@code GET /indexes} on the control plane. */
    public IndexModel.Listing listIndexes(Connection connection) {
        return retries().call(() -> {
            Deadline.check();
            ControlPlaneApi api = rest.api(ControlPlaneApi.class, connection.controlPlane(), connection);
            return exchange.call(connection, api::listIndexes, IndexModel.Listing.class);
        });
    }

    /** {@code GET /indexes/{name}} on the control plane. */
    public IndexModel describeIndex(Connection connection, String name) {
        return retries().call(() -> {
            Deadline.check();
            ControlPlaneApi api = rest.api(ControlPlaneApi.class, connection.controlPlane(), connection);
            return exchange.call(connection, () -> api.describeIndex(name), IndexModel.class);
        });
    }

    /** Closes the clients of {@code host} (a host that is gone, such as the SnapStart priming's own). */
    public void forget(IndexHost host) {
        rest.forget(host);
    }
}
