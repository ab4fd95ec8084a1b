package io.github.pineconeimports.imports;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.github.pineconeimports.client.ApiKeys;
import io.github.pineconeimports.client.Connection;
import io.github.pineconeimports.client.ControlPlane;
import io.github.pineconeimports.client.Deadline;
import io.github.pineconeimports.client.ImportModel;
import io.github.pineconeimports.client.IndexTarget;
import io.github.pineconeimports.client.PineconeClient;
import io.github.pineconeimports.client.StartImportRequest;
import io.github.pineconeimports.failure.InvalidQueryException;
import io.github.pineconeimports.failure.PineconeException;

/**
 * One import at a time, by id: describe (and follow, for a watcher), start and cancel, on the connection's index
 * host or on the index a name resolves to, within the listing deadline. Describe and cancel are retried as a listing
 * is; start is tried once ({@link PineconeClient#startImport}).
 */
@ApplicationScoped
public class ImportOperations {

    /** What a cancel by id did, and the status that decided it (null when Pinecone does not know the id). */
    public record Cancellation(String id, Outcome outcome, String status) {
    }

    public enum Outcome {
        /** It was running; Pinecone was asked to cancel it. */
        CANCELLED,
        /** It was cancelled before: done, nothing sent. */
        ALREADY_CANCELLED,
        /** It ended Completed or Failed: nothing to cancel, nothing sent. */
        FINISHED,
        /** Pinecone does not know the id: nothing sent. */
        UNKNOWN_ID,
        /** A status this version does not know: never guessed at, nothing sent. */
        UNKNOWN_STATUS,
        /** Running, but no longer in a status the caller chose (Pending when shown, InProgress now): nothing sent. */
        MOVED_ON;

        /** Whether the import is, as asked, not running any more because of a cancel. */
        public boolean done() {
            return this == CANCELLED || this == ALREADY_CANCELLED;
        }
    }

    @Inject
    PineconeClient client;

    @Inject
    ControlPlane controlPlane;

    @Inject
    ImportsConfig config;

    @Inject
    ApiKeys keys;

    /** The import, or null when Pinecone does not know it (404). */
    public ImportModel describe(Connection given, String index, String id) {
        return on(given, index, (target, name) -> find(target, name, id));
    }

    /**
     * As {@link #describe}, for a watcher, which keeps what it saw last: null also when the import's index is no
     * longer ready.
     */
    public ImportModel follow(Connection given, String index, String id) {
        try {
            return describe(given, index, id);
        } catch (IndexNotReady e) {
            return null;
        }
    }

    /** Starts an import and says its id. */
    public String start(Connection given, String index, StartImportRequest request) {
        return on(given, index, (target, name) -> client.startImport(target, request));
    }

    /**
     * Cancels an import that is running in one of {@code only} (the statuses a user saw it selected by); says, and
     * sends nothing, when it is not.
     */
    public Cancellation cancel(Connection given, String index, String id, Set<ImportStatus> only) {
        return on(given, index, (target, name) -> {
            ImportModel now = find(target, name, id);
            if (now == null) {
                return new Cancellation(id, Outcome.UNKNOWN_ID, null);
            }
            Optional<ImportStatus> status = ImportStatus.parse(now.status());
            Outcome outcome = status.isEmpty() ? Outcome.UNKNOWN_STATUS
                    : status.get() == ImportStatus.CANCELLED ? Outcome.ALREADY_CANCELLED
                    : status.get().isTerminal() ? Outcome.FINISHED
                    : only.contains(status.get()) ? Outcome.CANCELLED : Outcome.MOVED_ON;
            if (outcome == Outcome.CANCELLED) {
                client.cancelImport(target, id);
            }
            return new Cancellation(id, outcome, now.status());
        });
    }

    private ImportModel find(Connection target, String index, String id) {
        try {
            ImportModel model = client.describeImport(target, id);
            return index == null ? model : model.withIndex(index);
        } catch (PineconeException e) {
            if (e.httpStatus() == 404) {
                return null;
            }
            throw e;
        }
    }

    /** Runs {@code call} on the index named (or configured by name, PINECONE_INDEX), or on the index host. */
    private <T> T on(Connection given, String index, BiFunction<Connection, String, T> call) {
        Connection keyed = keys.keyed(given).oneIndex();
        IndexNames.refuseWithHost(index == null ? List.of() : List.of(index), keyed);
        String name = index != null ? index : keyed.indexHost() == null ? keyed.index() : null;
        return Deadline.within(config.deadline(), () -> call.apply(name == null ? keyed : resolved(keyed, name),
                name));
    }

    private Connection resolved(Connection keyed, String index) {
        IndexTarget target;
        try {
            target = controlPlane.resolve(keyed, List.of(index)).get(0);
        } catch (ControlPlane.UnknownIndexException e) {
            throw IndexNames.unknown(index);
        }
        if (!target.ready()) {
            throw new IndexNotReady(index, target.state());
        }
        return target.connection();
    }

    /** The control plane says the index is not ready: nothing can be read from it or sent to it yet. */
    static final class IndexNotReady extends InvalidQueryException {
        IndexNotReady(String index, String state) {
            super("index", index, "a ready index", "the index '" + clip(index) + "' is not ready (" + state
                    + "); try again once it is");
        }
    }
}
