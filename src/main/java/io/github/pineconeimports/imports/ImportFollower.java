package io.github.pineconeimports.imports;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.github.pineconeimports.client.ApiKeys;
import io.github.pineconeimports.client.Connection;
import io.github.pineconeimports.client.ControlPlane;
import io.github.pineconeimports.client.Deadline;
import io.github.pineconeimports.client.ImportModel;
import io.github.pineconeimports.client.IndexTarget;
import io.github.pineconeimports.client.PineconeClient;
import io.github.pineconeimports.failure.PineconeException;

/**
 * Follows single imports by id, for a watcher that holds only a few of them: one call per import, where a listing
 * would read every page of the index. Same deadline, retries and key rules as a listing.
 */
@ApplicationScoped
public class ImportFollower {

    @Inject
    PineconeClient client;

    @Inject
    ControlPlane controlPlane;

    @Inject
    ImportsConfig config;

    @Inject
    ApiKeys keys;

    /**
     * The import as Pinecone describes it now, from the connection's index host, or from the index {@code index}
     * names (through the control plane, whose answers are cached); null when that index is no longer ready or
     * Pinecone no longer knows the import (404): the watcher keeps what it saw last.
     */
    public ImportModel describe(Connection given, String index, String id) {
        Connection connection = keys.keyed(given);
        try {
            return Deadline.within(config.deadline(), () -> {
                if (index == null) {
                    return client.describeImport(connection, id);
                }
                IndexTarget target = controlPlane.resolve(connection, List.of(index)).get(0);
                return target.ready() ? client.describeImport(target.connection(), id).withIndex(index) : null;
            });
        } catch (PineconeException e) {
            if (e.httpStatus() == 404) {
                return null;
            }
            throw e;
        }
    }
}
