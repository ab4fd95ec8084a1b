package io.github.pineconeimports.client;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.github.pineconeimports.failure.Failure;
import io.github.pineconeimports.failure.PineconeException;

/**
 * Turns index names into the hosts to list, through the control plane ({@code GET /indexes/{name}}, or
 * {@code GET /indexes} for {@value #EVERY_INDEX}). Every host must pass {@link IndexHost#given}'s rule before any
 * request is sent to it. What the control plane says is remembered for {@code pinecone.index-cache-ttl}, so a
 * schedule does not ask on every run.
 */
@ApplicationScoped
public class ControlPlane {

    /** Every index of the project. */
    public static final String EVERY_INDEX = "*";

    private record Key(String controllerHost, KeyId apiKey, String name) {
    }

    @Inject
    PineconeClient client;

    @Inject
    PineconeConfig config;

    private Expiring<Key, Object> cache;

    /**
     * The indexes {@code names} stand for, sorted by name; an unknown name is an {@link UnknownIndexException}.
     * Throws before any data-plane request when the control plane gives a host the key must not go to.
     */
    public List<IndexTarget> resolve(Connection connection, List<String> names) {
        IndexHost controlPlane = connection.controlPlane();
        List<IndexModel> models = new ArrayList<>();
        if (names.contains(EVERY_INDEX)) {
            models.addAll(remembered(connection, EVERY_INDEX, () -> {
                List<IndexModel> all = client.listIndexes(connection).indexes();
                return all == null ? List.of() : all;
            }));
        } else {
            for (String name : names) {
                models.add(remembered(connection, name, () -> describe(connection, name)));
            }
        }
        List<IndexTarget> targets = new ArrayList<>();
        for (IndexModel index : models) {
            Connection reach = index.ready()
                    ? connection.withIndexHost(IndexHost.given(controlPlane, index.name(), index.host()).toString())
                    : connection;
            targets.add(new IndexTarget(index.name(), reach, index.ready(), index.state()));
        }
        targets.sort(Comparator.comparing(IndexTarget::name));
        return targets;
    }

    private IndexModel describe(Connection connection, String name) {
        try {
            return client.describeIndex(connection, name);
        } catch (PineconeException e) {
            if (e.httpStatus() == 404) {
                throw new UnknownIndexException(name, known(connection));
            }
            throw e;
        }
    }

    /** The project's index names, to say beside an unknown one; empty when they cannot be read (the error stands). */
    private List<String> known(Connection connection) {
        try {
            List<IndexModel> all = client.listIndexes(connection).indexes();
            return all == null ? List.of() : all.stream().map(IndexModel::name).sorted().toList();
        } catch (Failure unread) {
            return List.of();
        }
    }

    @PostConstruct
    void init() {
        cache = new Expiring<>(config.indexCacheTtl());
    }

    @SuppressWarnings("unchecked")
    private <T> T remembered(Connection connection, String name, Supplier<T> ask) {
        return (T) cache.get(new Key(connection.controllerHost(), connection.keyId(), name), ask::get);
    }

    /** The control plane knows no index of that name (it answered 404); the engine reports it as bad input. */
    public static class UnknownIndexException extends Failure {
        private final String name;
        private final List<String> known;

        UnknownIndexException(String name, List<String> known) {
            super(Kind.UPSTREAM_REJECTED, "index: the project has no index named '" + name
                    + "' (GET /indexes lists them)", null);
            this.name = name;
            this.known = known;
        }

        public String name() {
            return name;
        }

        /** The project's index names, as the control plane listed them; empty when it could not. */
        public List<String> known() {
            return known;
        }
    }
}
