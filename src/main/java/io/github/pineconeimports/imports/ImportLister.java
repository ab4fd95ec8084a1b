package io.github.pineconeimports.imports;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.github.pineconeimports.client.ApiKeys;
import io.github.pineconeimports.client.Connection;
import io.github.pineconeimports.client.ControlPlane;
import io.github.pineconeimports.client.Deadline;
import io.github.pineconeimports.client.IndexHost;
import io.github.pineconeimports.client.IndexTarget;
import io.github.pineconeimports.client.PineconeClient;
import io.github.pineconeimports.client.PineconeConfig;
import io.github.pineconeimports.failure.Failure;
import io.github.pineconeimports.failure.ListingFailedException;
import io.github.pineconeimports.failure.PineconeException;

/**
 * The engine as the faces call it: finds the indexes a query lists, takes the key from {@link ApiKeys}, and runs the
 * {@link Listing} under the call's deadline.
 *
 * <p>An answer holds at most {@code limit} matches, indexes in name order and each index's imports in Pinecone's
 * order. When it stops early it hands out a {@link ContinuationToken} naming the index, the upstream page and the
 * position inside it, so the next call resumes exactly there. A page that fails, a page without {@code data} or a
 * repeated upstream token ends the call with {@link ListingFailedException}, never with a shorter list.
 */
@ApplicationScoped
public class ImportLister {

    @Inject
    PineconeClient client;

    @Inject
    ControlPlane controlPlane;

    @Inject
    ApiKeys keys;

    @Inject
    ImportsConfig config;

    @Inject
    PineconeConfig pinecone;

    // its own threads: walks must not wait for the worker pool the callers themselves are holding
    private final ExecutorService walks = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "pinecone-imports-walk");
        thread.setDaemon(true);
        return thread;
    });

    /** Lists from the configured index or indexes. */
    public ImportPage list(ImportQuery query) {
        return list(query, Connection.of(pinecone));
    }

    /**
     * Lists with {@code connection}: its host, or the indexes the query (or the connection) names. Without a key of
     * its own, the key comes from {@link ApiKeys}; when Pinecone rejects that key and the door may hold a newer one,
     * the listing is tried once more.
     */
    public ImportPage list(ImportQuery query, Connection connection) {
        return keyed(connection, keyed -> Deadline.within(config.deadline(),
                () -> listing().run(query, targets(query, keyed))));
    }

    /**
     * Reads every import of the configured index, or of the indexes {@code query} names, under the same deadline,
     * retries and key as a listing, and counts them: how many in each status, how many finished in the query's
     * finish window, and the oldest still running. The whole census or an exception: a page that fails after its
     * retries, or a listing longer than {@code imports.max-pages}, fails the whole census.
     */
    public Census census(ImportQuery query) {
        if (query.mode() != Mode.COUNTS) {
            throw new IllegalArgumentException("a census counts: build its query with counts(true)");
        }
        return keyed(Connection.of(pinecone), keyed -> Deadline.within(config.deadline(),
                () -> listing().census(query, targets(query, keyed))));
    }

    /**
     * Checks, without calling anyone, that {@code query} names its indexes in a way the configuration allows: by name
     * with no index host configured, or none with an index (or host) configured. Throws what a listing would.
     */
    public void checkTargets(ImportQuery query) {
        Connection connection = Connection.of(pinecone);
        IndexNames.refuseWithHost(query.indexes(), connection);
        connection.oneIndex();
        if (query.indexes().isEmpty() && connection.index() == null) {
            IndexHost.parse(connection.indexHost());
        }
    }

    private <T> T keyed(Connection connection, Function<Connection, T> work) {
        Connection keyed = keys.keyed(connection);
        try {
            return work.apply(keyed);
        } catch (ListingFailedException | PineconeException rejected) {
            if (connection.apiKey() != null || !isRejectedKey(rejected) || !keys.rejected(keyed.apiKey())) {
                throw rejected;
            }
            return work.apply(keys.keyed(connection));
        }
    }

    private Listing listing() {
        return new Listing((target, limit, token) -> client.listImports(target.connection(), limit, token),
                Listing.Limits.of(config), walks);
    }

    private static boolean isRejectedKey(Failure failure) {
        return failure instanceof ListingFailedException e ? Integer.valueOf(401).equals(e.upstreamStatus())
                : ((PineconeException) failure).httpStatus() == 401;
    }

    @PreDestroy
    void stop() {
        walks.shutdownNow();
    }

    /** Where to list: the host, or the named indexes through the control plane; never both. */
    private List<IndexTarget> targets(ImportQuery query, Connection connection) {
        IndexNames.refuseWithHost(query.indexes(), connection);
        connection.oneIndex();
        List<String> names = query.indexes().isEmpty() && connection.index() != null ? List.of(connection.index())
                : query.indexes();
        return names.isEmpty() ? List.of(IndexTarget.byHost(connection)) : resolve(connection, names);
    }


    private List<IndexTarget> resolve(Connection connection, List<String> names) {
        try {
            return controlPlane.resolve(connection, names);
        } catch (ControlPlane.UnknownIndexException e) {
            throw IndexNames.unknown(e);
        }
    }
}
