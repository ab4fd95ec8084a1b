package io.github.pineconeimports.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.github.pineconeimports.client.ApiKeySecret;
import io.github.pineconeimports.client.Connection;
import io.github.pineconeimports.client.ControlPlane;
import io.github.pineconeimports.client.Deadline;
import io.github.pineconeimports.client.ImportModel;
import io.github.pineconeimports.client.IndexTarget;
import io.github.pineconeimports.client.Pagination;
import io.github.pineconeimports.client.PineconeClient;
import io.github.pineconeimports.client.PineconeConfig;
import io.github.pineconeimports.client.PineconeConfigException;
import io.github.pineconeimports.client.PineconeException;

/**
 * The engine: walks Pinecone's pages and keeps the imports a query asks for, from one index or several.
 *
 * <p>An answer holds at most {@code limit} matches, indexes in name order and each index's imports in
 * Pinecone's order. When it stops early it hands out a {@link ContinuationToken} naming the index, the upstream
 * page and the position inside it, so the next call resumes exactly there: no gaps, no duplicates. A page that
 * fails, a page without {@code data} or a repeated upstream token ends the call with
 * {@link ListingFailedException}, naming the index, never with a shorter list.
 */
@ApplicationScoped
public class ImportLister {

    @Inject
    PineconeClient client;

    @Inject
    ControlPlane controlPlane;

    @Inject
    ApiKeySecret secret;

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
     * Lists with {@code connection}: its host, or the indexes the query (or the connection) names. Without a key,
     * the key comes from PINECONE_API_KEY_SECRET; if Pinecone rejects it, it is read again (it may have been
     * rotated) and the listing tried once more.
     */
    public ImportPage list(ImportQuery query, Connection connection) {
        if (connection.apiKey() != null || !secret.named()) {
            return listing(query, connection);
        }
        String key = secret.key();
        try {
            return listing(query, connection.withApiKey(key));
        } catch (ListingFailedException | PineconeException rejected) {
            if (!isRejectedKey(rejected)) {
                throw rejected;
            }
            secret.forget(key);
            return listing(query, connection.withApiKey(secret.key()));
        }
    }

    private ImportPage listing(ImportQuery query, Connection connection) {
        return Deadline.within(config.deadline(), () -> scan(query, targets(query, connection)));
    }

    private static boolean isRejectedKey(RuntimeException failure) {
        return failure instanceof ListingFailedException e ? Integer.valueOf(401).equals(e.upstreamStatus())
                : ((PineconeException) failure).httpStatus() == 401;
    }

    @PreDestroy
    void stop() {
        walks.shutdownNow();
    }

    /** Where to list: the host, or the named indexes through the control plane; never both. */
    private List<IndexTarget> targets(ImportQuery query, Connection connection) {
        List<String> names = query.indexes().isEmpty() && connection.index() != null ? List.of(connection.index()) : query.indexes();
        if (!query.indexes().isEmpty() && connection.indexHost() != null) {
            throw new InvalidQueryException("index", String.join(",", query.indexes()), "index names, or an index host, not both",
                    "this call names an index while PINECONE_INDEX_HOST (or --host) names a host; unset the host to list by name");
        }
        if (names.isEmpty() || connection.indexHost() == null) {
            return names.isEmpty() ? List.of(IndexTarget.byHost(connection)) : resolve(connection, names);
        }
        throw new PineconeConfigException(Connection.INDEX_VARIABLE + " and PINECONE_INDEX_HOST are both set: keep one");
    }

    private List<IndexTarget> resolve(Connection connection, List<String> names) {
        try {
            return controlPlane.resolve(connection, names);
        } catch (ControlPlane.UnknownIndexException e) {
            throw new InvalidQueryException("index", e.name(), "an index of this project (GET /indexes lists them)",
                    "the project has no index named '" + InvalidQueryException.clip(e.name()) + "'");
        }
    }

    private ImportPage scan(ImportQuery query, List<IndexTarget> targets) {
        boolean named = targets.get(0).name() != null;
        List<IndexTarget> ready = targets.stream().filter(IndexTarget::ready).toList();
        String fingerprint = query.fingerprint(ready.stream().map(t -> t.name() + "@" + t.connection().indexHost()).toList().toString());
        ContinuationToken cursor = query.cursor();
        if (cursor != null && (!cursor.fingerprint().equals(fingerprint) || cursor.index() > ready.size())) {
            throw ContinuationToken.invalid(cursor.encode(),
                    "was issued for a different query (other statuses, time windows or indexes) or by another index host; start again without it");
        }
        int first = cursor == null ? 0 : cursor.index();
        int need = query.counts() ? Integer.MAX_VALUE : query.all() ? config.allMaxResults() + 1 : query.limit();
        AtomicBoolean unneeded = new AtomicBoolean();
        IndexWalk walker = new IndexWalk(client, query, config.upstreamPageSize(), new AtomicInteger(config.maxPages()), unneeded);
        List<ImportModel> data = new ArrayList<>();
        Tally total = new Tally();
        Map<String, Summary.IndexSummary> byIndex = new LinkedHashMap<>();
        Tally matched = new Tally();
        Map<String, Counts> matchedByIndex = new TreeMap<>();
        IndexWalk.Position resume = null;
        int resumeIndex = 0;
        try (Fanout fanout = new Fanout(walks, config.indexConcurrency(), first, ready.size(), unneeded, i -> walker.run(ready.get(i),
                i == first && cursor != null ? new IndexWalk.Position(cursor.upstreamToken(), cursor.skip()) : IndexWalk.Position.START,
                need, cursor == null ? null : cursor.encode(), !query.whole() && i > first))) {
            for (int i = first; i < ready.size() && resume == null; i++) {
                IndexWalk.Segment segment = fanout.get(i);
                int take = Math.min(need - data.size(), segment.matches().size());
                // a cut needs what was scanned before the match it stops at; only a walk that may be cut keeps that
                Tally before = take < segment.matches().size() ? segment.matches().get(take).before() : null;
                Tally used = before != null ? before : segment.tally();
                for (IndexWalk.Match match : segment.matches().subList(0, take)) {
                    data.add(named ? match.model().withIndex(ready.get(i).name()) : match.model());
                }
                total.add(used);
                byIndex.put(ready.get(i).name(), Summary.IndexSummary.of(used));
                matched.add(segment.matched());
                if (named) {
                    matchedByIndex.put(ready.get(i).name(), Counts.of(segment.matched(), null, List.of()));
                }
                resumeIndex = i;
                resume = take < segment.matches().size() ? segment.matches().get(take).at() : segment.resume();
                if (resume == null && data.size() == need && i + 1 < ready.size()) {
                    resumeIndex = i + 1;
                    resume = IndexWalk.Position.START;
                }
            }
        }
        if (query.all() && data.size() > config.allMaxResults()) {
            throw new ListingTooLargeException("all", ListingTooLargeException.ALL_ALLOWED, "more than " + config.allMaxResults()
                    + " imports match; narrow the filter or page through with limit and paginationToken");
        }
        if (query.whole() && resume != null) {
            throw query.counts()
                    ? new ListingTooLargeException("counts", "counts=true over at most imports.max-pages pages", "counts=true read "
                            + total.pages + " pages (imports.max-pages) without reaching the end; raise IMPORTS_MAX_PAGES or name fewer indexes")
                    : new ListingTooLargeException("all", ListingTooLargeException.ALL_ALLOWED, "all=true read " + total.pages
                            + " pages (imports.max-pages) without reaching the end; page through with limit and paginationToken");
        }
        targets.stream().filter(t -> !t.ready()).forEach(t -> byIndex.put(t.name(), Summary.IndexSummary.notReady(t.state())));
        Pagination next = resume == null ? null
                : new Pagination(new ContinuationToken(fingerprint, resumeIndex, resume.skip(), query.asOf(), resume.pageToken()).encode());
        return new ImportPage(query.counts() ? null : List.copyOf(data), next,
                query.counts() ? Counts.of(matched, named ? matchedByIndex : null, notReady(targets)) : null, new Summary(total.scanned, total.pages, total.byStatus(),
                named ? sorted(byIndex) : null, query.finished().since(), query.finished().until()));
    }

    private static List<String> notReady(List<IndexTarget> targets) {
        return targets.stream().filter(t -> !t.ready()).map(IndexTarget::name).sorted().toList();
    }

    private static Map<String, Summary.IndexSummary> sorted(Map<String, Summary.IndexSummary> byIndex) {
        return new TreeMap<>(byIndex);
    }
}
