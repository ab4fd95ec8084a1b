package io.github.pineconeimports.imports;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.github.pineconeimports.client.Connection;
import io.github.pineconeimports.client.Deadline;
import io.github.pineconeimports.client.ImportModel;
import io.github.pineconeimports.client.ListImportsResponse;
import io.github.pineconeimports.client.Pagination;
import io.github.pineconeimports.client.PineconeClient;
import io.github.pineconeimports.client.PineconeConfig;
import io.github.pineconeimports.client.PineconeException;

/**
 * The engine: walks Pinecone's pages and keeps the imports a query asks for.
 *
 * <p>An answer holds at most {@code limit} matches. When it stops early it hands out a
 * {@link ContinuationToken} naming the upstream page and the position inside it, so the next call resumes
 * exactly there: no gaps, no duplicates. It only hands one out when more may follow: within a page already
 * read it looks ahead for the next match. A page that fails, a page without {@code data} or a repeated
 * upstream token ends the call with {@link ListingFailedException}, never with a shorter list.
 */
@ApplicationScoped
public class ImportLister {

    @Inject
    PineconeClient client;

    @Inject
    ImportsConfig config;

    @Inject
    PineconeConfig pinecone;

    /** Lists from the configured index. */
    public ImportPage list(ImportQuery query) {
        return list(query, Connection.of(pinecone));
    }

    /** Lists from the index {@code connection} names. */
    public ImportPage list(ImportQuery query, Connection connection) {
        return Deadline.within(config.deadline(), () -> scan(query, connection));
    }

    private ImportPage scan(ImportQuery query, Connection connection) {
        String fingerprint = query.fingerprint(connection.host().host());
        ContinuationToken cursor = query.cursor();
        if (cursor != null && !cursor.fingerprint().equals(fingerprint)) {
            throw ContinuationToken.invalid(cursor.encode(),
                    "was issued for a different query (other statuses, time window or index); start again without it");
        }
        Scan scan = new Scan(query, fingerprint);
        String pageToken = cursor == null ? null : cursor.upstreamToken();
        int skip = cursor == null ? 0 : cursor.skip();
        Set<String> seenTokens = new HashSet<>();
        while (true) {
            if (scan.pages == config.maxPages()) {
                if (query.all()) {
                    throw new ListingTooLargeException("all=true read " + scan.pages
                            + " pages without reaching the end; page through with limit and paginationToken");
                }
                // this call's budget is spent: the caller resumes here
                return scan.answer(pageToken, skip);
            }
            ListImportsResponse response;
            long started = System.nanoTime();
            try {
                response = client.listImports(connection, config.upstreamPageSize(), pageToken);
                ListingMetrics.upstreamCall(ListingMetrics.SUCCESS, Duration.ofNanos(System.nanoTime() - started));
            } catch (PineconeException e) {
                ListingMetrics.upstreamCall(ListingMetrics.outcome(e), Duration.ofNanos(System.nanoTime() - started));
                throw ListingFailedException.upstream(e, scan.pages, scan.scanned);
            }
            scan.pages++;
            ListingMetrics.pageFetched();
            if (response == null || response.data() == null) {
                throw ListingFailedException.anomaly("Pinecone answered a page without data", scan.pages, scan.scanned);
            }
            List<ImportModel> data = response.data();
            if (skip > data.size()) {
                throw ContinuationToken.invalid(cursor.encode(),
                        "points past the end of its page: the listing changed; start again without it");
            }
            for (int i = skip; i < data.size(); i++) {
                ImportModel model = data.get(i);
                boolean match = query.matches(model);
                if (match && !query.all() && scan.matches.size() == query.limit()) {
                    scan.endPage();
                    return scan.answer(pageToken, i);
                }
                scan.count(model);
                if (match) {
                    if (query.all() && scan.matches.size() == config.allMaxResults()) {
                        throw new ListingTooLargeException("more than " + config.allMaxResults()
                                + " imports match; narrow the statuses or page through with limit and paginationToken");
                    }
                    scan.matches.add(model);
                }
            }
            scan.endPage();
            String next = response.nextToken();
            if (next == null) {
                return scan.answer(null, 0);
            }
            if (next.equals(pageToken) || !seenTokens.add(next)) {
                throw ListingFailedException.anomaly("Pinecone repeated a pagination token (an upstream loop)",
                        scan.pages, scan.scanned);
            }
            pageToken = next;
            skip = 0;
            if (!query.all() && scan.matches.size() == query.limit()) {
                return scan.answer(pageToken, 0);
            }
        }
    }

    /** The running state of one call. */
    private static final class Scan {
        final ImportQuery query;
        final String fingerprint;
        final List<ImportModel> matches = new ArrayList<>();
        final Map<String, Integer> byStatus = new TreeMap<>();
        final Map<String, Integer> page = new HashMap<>();
        int pages;
        int scanned;

        Scan(ImportQuery query, String fingerprint) {
            this.query = query;
            this.fingerprint = fingerprint;
        }

        void count(ImportModel model) {
            scanned++;
            page.merge(model.status() == null ? "(none)" : model.status(), 1, Integer::sum);
        }

        /** Adds the page's counts to the summary and the meters: once a page, not once an import. */
        void endPage() {
            ListingMetrics.importsSeen(page);
            page.forEach((status, n) -> byStatus.merge(status, n, Integer::sum));
            page.clear();
        }

        /** The answer; {@code upstreamToken}/{@code skip} say where to resume, a null token with 0 means done. */
        ImportPage answer(String upstreamToken, int skip) {
            Pagination pagination = upstreamToken == null && skip == 0 ? null
                    : new Pagination(new ContinuationToken(fingerprint, 0, skip, query.asOf(), upstreamToken).encode());
            return new ImportPage(List.copyOf(matches), pagination, new Summary(scanned, pages, ordered(),
                    query.finished().since(), query.finished().until()));
        }

        /** Known statuses first in their lifecycle order, then any others alphabetically. */
        private Map<String, Integer> ordered() {
            Map<String, Integer> out = new LinkedHashMap<>();
            for (ImportStatus status : ImportStatus.values()) {
                Integer n = byStatus.get(status.wire());
                if (n != null) {
                    out.put(status.wire(), n);
                }
            }
            byStatus.forEach(out::putIfAbsent);
            return out;
        }
    }
}
