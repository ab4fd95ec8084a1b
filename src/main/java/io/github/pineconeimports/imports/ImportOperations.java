package io.github.pineconeimports.imports;

import java.util.List;
import java.util.Optional;
import java.util.Set;

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
import io.github.pineconeimports.failure.Failure;
import io.github.pineconeimports.failure.InvalidQueryException;
import io.github.pineconeimports.failure.PineconeException;

/**
 * One import at a time, by id: describe (and follow, for a watcher), start and cancel, on the connection's index
 * host or on the index a name resolves to, within the listing deadline. Describe and cancel are retried as a listing
 * is; start is tried once ({@link PineconeClient#startImport}).
 */
@ApplicationScoped
public class ImportOperations {

    /**
     * What a cancel by id did, and the status that decided it (null when Pinecone does not know the id; for
     * {@code CANCELLED}, the status it had; for {@code ENDED_FIRST}, the one it ended in).
     */
    public record Cancellation(Outcome outcome, String status) {
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
        MOVED_ON,
        /** It ended Completed or Failed between the describe and the cancel, which Pinecone then ignores. */
        ENDED_FIRST,
        /** It is running: a dry run would cancel it, and sent nothing. */
        WOULD_CANCEL;

        /** Whether the import is, as asked, not running any more because of a cancel. */
        public boolean done() {
            return this == CANCELLED || this == ALREADY_CANCELLED || this == WOULD_CANCEL;
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
        Reached at = at(given, index);
        return Deadline.within(config.deadline(), () -> find(at, id));
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

    /**
     * The connection that reaches one index: {@code index}, else the one PINECONE_INDEX names, else the index host.
     * Its failures come before anything is sent, which a start must tell from its own ({@link #start}).
     */
    public Connection reach(Connection given, String index) {
        return at(given, index).connection();
    }

    /** Starts an import, on a connection {@link #reach} gave, and says its id. */
    public String start(Connection reached, StartImportRequest request) {
        return Deadline.within(config.deadline(), () -> client.startImport(reached, request));
    }

    /**
     * Cancels an import that is running in one of {@code only} (the statuses a user saw it selected by); says, and
     * sends nothing, when it is not (nor ever, for a {@code dryRun}). Pinecone has no conditional cancel: the status
     * is the one just described.
     */
    public Cancellation cancel(Connection given, String index, String id, Set<ImportStatus> only, boolean dryRun) {
        Reached at = at(given, index);
        return Deadline.within(config.deadline(), () -> {
            ImportModel now = find(at, id);
            if (now == null) {
                return new Cancellation(Outcome.UNKNOWN_ID, null);
            }
            Optional<ImportStatus> status = ImportStatus.parse(now.status());
            Outcome outcome = status.isEmpty() ? Outcome.UNKNOWN_STATUS
                    : status.get() == ImportStatus.CANCELLED ? Outcome.ALREADY_CANCELLED
                    : status.get().isTerminal() ? Outcome.FINISHED
                    : only.contains(status.get()) ? Outcome.CANCELLED : Outcome.MOVED_ON;
            if (outcome != Outcome.CANCELLED || dryRun) {
                return new Cancellation(outcome == Outcome.CANCELLED ? Outcome.WOULD_CANCEL : outcome, now.status());
            }
            client.cancelImport(at.connection(), id);
            // Pinecone's cancel "has no effect if the operation is already finished": look once more; if that look
            // fails, Pinecone's 200 ("cancelled successfully") is the answer
            ImportModel after;
            try {
                after = find(at, id);
            } catch (Failure unconfirmed) {
                return new Cancellation(outcome, now.status());
            }
            Optional<ImportStatus> ended = after == null ? Optional.empty() : ImportStatus.parse(after.status());
            return ended.isPresent() && ended.get().isTerminal() && ended.get() != ImportStatus.CANCELLED
                    ? new Cancellation(Outcome.ENDED_FIRST, after.status()) : new Cancellation(outcome, now.status());
        });
    }

    private ImportModel find(Reached at, String id) {
        try {
            ImportModel model = client.describeImport(at.connection(), id);
            return at.index() == null ? model : model.withIndex(at.index());
        } catch (PineconeException e) {
            if (e.httpStatus() == 404) {
                return null;
            }
            throw e;
        }
    }

    /** One index, by its name (which labels what is described there) or by the index host (no name). */
    private record Reached(Connection connection, String index) {
    }

    private Reached at(Connection given, String index) {
        Connection keyed = keys.keyed(given).oneIndex();
        IndexNames.refuseWithHost(index == null ? List.of() : List.of(index), keyed);
        String name = index != null ? index : keyed.indexHost() == null ? keyed.index() : null;
        if (name == null) {
            return new Reached(keyed, null);
        }
        if (!IndexNames.isIndexName(name)) {
            // '*' lists every index; one import lives in one, which a guess must not pick
            throw new InvalidQueryException("index", name, "one index's name: 1-45 of a-z, 0-9 and '-'",
                    "'" + InvalidQueryException.clip(name) + "' is not one index's name: describe, start and cancel"
                            + " act on one index");
        }
        return new Reached(Deadline.within(config.deadline(), () -> resolved(keyed, name)), name);
    }

    private Connection resolved(Connection keyed, String index) {
        IndexTarget target;
        try {
            target = controlPlane.resolve(keyed, List.of(index)).get(0);
        } catch (ControlPlane.UnknownIndexException e) {
            throw IndexNames.unknown(e);
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
