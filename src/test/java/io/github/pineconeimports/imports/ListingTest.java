package io.github.pineconeimports.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.github.pineconeimports.client.Connection;
import io.github.pineconeimports.client.ImportModel;
import io.github.pineconeimports.client.IndexTarget;
import io.github.pineconeimports.failure.Failure;
import io.github.pineconeimports.failure.InvalidQueryException;
import io.github.pineconeimports.failure.ListingFailedException;
import io.github.pineconeimports.failure.ListingTooLargeException;
import io.github.pineconeimports.support.CannedPages;

/**
 * The engine's core with canned pages, no Quarkus: merge across indexes, cut and resume, the loop guard, the caps,
 * and indexes that are not ready.
 */
class ListingTest {

    private static final ExecutorService WALKS = Executors.newCachedThreadPool();
    private static final Listing.Limits LIMITS = new Listing.Limits(10, 1000, 10_000, 2);

    @AfterAll
    static void stop() {
        WALKS.shutdownNow();
    }

    private static IndexTarget index(String name, boolean ready) {
        Connection connection = new Connection("k", "2025-01", name + ".svc.test", null, null, Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        return new IndexTarget(name, connection, ready, ready ? "Ready" : "Initializing");
    }

    private static ImportPage run(CannedPages pages, Listing.Limits limits, List<IndexTarget> targets,
            ImportQuery query) {
        return new Listing(pages, limits, WALKS).run(query, targets);
    }

    /** Every answer of a walk that follows pagination.next with {@code limit}, as a caller does. */
    private static List<ImportPage> walk(CannedPages pages, List<IndexTarget> targets,
            Function<QueryBuilder, QueryBuilder> filter, int limit) {
        List<ImportPage> answers = new ArrayList<>();
        String token = null;
        do {
            ImportPage answer = run(pages, LIMITS, targets,
                    filter.apply(ImportQuery.builder()).limit(limit).paginationToken(token).build());
            answers.add(answer);
            token = answer.pagination() == null ? null : answer.pagination().next();
            assertTrue(answers.size() < 200, "the walk ends");
        } while (token != null);
        return answers;
    }

    private static List<String> ids(List<ImportPage> answers) {
        return answers.stream().flatMap(a -> a.data().stream()).map(m -> m.extra().get("index") + "/" + m.id())
                .toList();
    }

    @Test
    void aLimitedWalkOverSeveralIndexesEqualsTheWholeListingForEveryLimit() {
        CannedPages pages = new CannedPages().index("a.svc.test", 37).index("b.svc.test", 0).index("c.svc.test", 23);
        List<IndexTarget> targets = List.of(index("a", true), index("b", true), index("c", true));
        for (Function<QueryBuilder, QueryBuilder> filter : List.<Function<QueryBuilder, QueryBuilder>>of(q -> q,
                q -> q.statuses(Set.of(ImportStatus.FAILED)))) {
            ImportPage whole = run(pages, LIMITS, targets, filter.apply(ImportQuery.builder()).all(true).build());
            assertNull(whole.pagination());
            List<String> expected = ids(List.of(whole));
            assertTrue(expected.get(0).startsWith("a/a.svc.test-0") || expected.get(0).startsWith("a/a.svc.test-1"),
                    "index a first");
            for (int limit = 1; limit <= 13; limit++) {
                List<ImportPage> answers = walk(pages, targets, filter, limit);
                assertEquals(expected, ids(answers), "limit " + limit);
                for (ImportPage answer : answers.subList(0, answers.size() - 1)) {
                    assertEquals(limit, answer.data().size(), "only the last answer is short, limit " + limit);
                }
            }
        }
    }

    @Test
    void aCutCountsOnlyWhatWasScannedBeforeIt() {
        CannedPages pages = new CannedPages().index("a.svc.test", 5).index("b.svc.test", 30);
        List<IndexTarget> targets = List.of(index("a", true), index("b", true));
        // every import matches: 5 from a, then 2 from b, cut inside b's first page
        ImportPage first = run(pages, LIMITS, targets, ImportQuery.builder().limit(7).build());
        assertEquals(7, first.data().size());
        assertEquals(7, first.summary().scanned(), "a's 5 and b's 2, not b's whole page");
        assertEquals(5, first.summary().byIndex().get("a").scanned());
        assertEquals(2, first.summary().byIndex().get("b").scanned());
        assertNotNull(first.pagination());
    }

    @Test
    void aTokenFromAnotherQueryIsRefused() {
        CannedPages pages = new CannedPages().index("a.svc.test", 30);
        List<IndexTarget> targets = List.of(index("a", true));
        String token = run(pages, LIMITS, targets, ImportQuery.builder().limit(5).build()).pagination().next();
        InvalidQueryException refused = assertThrows(InvalidQueryException.class, () -> run(pages, LIMITS, targets,
                ImportQuery.builder().statuses(Set.of(ImportStatus.FAILED)).limit(5).paginationToken(token).build()));
        assertEquals("paginationToken", refused.field());
        assertThrows(InvalidQueryException.class, () -> run(pages, LIMITS, List.of(index("other", true)),
                ImportQuery.builder().limit(5).paginationToken(token).build()));
    }

    @Test
    void anUpstreamLoopEndsTheListingNamingTheIndex() {
        CannedPages pages = new CannedPages().index("a.svc.test", 100).loopsAt("a.svc.test", 3);
        ListingFailedException failed = assertThrows(ListingFailedException.class,
                () -> run(pages, LIMITS, List.of(index("a", true)), ImportQuery.builder().all(true).build()));
        assertEquals(Failure.Kind.UPSTREAM_ANOMALY, failed.kind());
        assertEquals("a", failed.index());
        assertTrue(failed.getMessage().contains("repeated a pagination token"), failed.getMessage());
        assertTrue(pages.calls("a.svc.test") <= 4, "stopped at the repeat: " + pages.calls("a.svc.test"));
    }

    @Test
    void aFailedPageFailsTheWholeListingNeverAShorterOne() {
        CannedPages pages = new CannedPages().index("a.svc.test", 20).index("b.svc.test", 50).failsAt("b.svc.test", 3);
        ListingFailedException failed = assertThrows(ListingFailedException.class,
                () -> run(pages, LIMITS, List.of(index("a", true), index("b", true)),
                        ImportQuery.builder().all(true).build()));
        assertEquals(Failure.Kind.UPSTREAM_UNAVAILABLE, failed.kind());
        assertEquals("b", failed.index());
        assertEquals(2, failed.pagesRead());
        assertEquals(20, failed.scanned());
    }

    @Test
    void thePageCapAndTheResultCapRefuseAWholeListing() {
        CannedPages pages = new CannedPages().index("a.svc.test", 100);
        List<IndexTarget> targets = List.of(index("a", true));
        ListingTooLargeException pagesOut = assertThrows(ListingTooLargeException.class,
                () -> run(pages, new Listing.Limits(10, 4, 10_000, 1), targets,
                        ImportQuery.builder().all(true).build()));
        assertTrue(pagesOut.getMessage().contains("read 4 pages"), pagesOut.getMessage());
        assertEquals(4, pages.calls("a.svc.test"), "no page past the cap");
        assertThrows(ListingTooLargeException.class,
                () -> run(pages, new Listing.Limits(10, 4, 10_000, 1), targets,
                        ImportQuery.builder().counts(true).build()));
        ListingTooLargeException tooMany = assertThrows(ListingTooLargeException.class,
                () -> run(pages, new Listing.Limits(10, 1000, 99, 1), targets,
                        ImportQuery.builder().all(true).build()));
        assertEquals("all", tooMany.field());
        assertEquals(100, run(pages, new Listing.Limits(10, 1000, 100, 1), targets,
                ImportQuery.builder().all(true).build()).data().size());
        // a limited walk under the page cap hands out a token where it stopped, and resumes there
        ImportPage capped = run(pages, new Listing.Limits(10, 2, 10_000, 1), targets,
                ImportQuery.builder().statuses(Set.of(ImportStatus.PENDING)).limit(100).build());
        assertEquals(3, capped.data().size(), "20 imports scanned: pending at 4, 10 and 16");
        assertNotNull(capped.pagination());
    }

    @Test
    void aCensusCountsEveryImportOfEveryIndexAndWhatFinishedInItsWindow() {
        CannedPages pages = new CannedPages().index("a.svc.test", 23).index("b.svc.test", 14);
        Instant since = Instant.parse("2026-01-01T05:00:00Z");
        Instant until = Instant.parse("2026-01-01T14:10:00Z");
        ImportQuery query = ImportQuery.builder().counts(true).finishedSince(since).finishedUntil(until).build();
        Census census = new Listing(pages, LIMITS, WALKS).census(query,
                List.of(index("a", true), index("b", true), index("c", false)));
        assertEquals(List.of("a", "b", "c"), census.indexes().stream().map(Census.IndexCensus::name).toList());
        for (Census.IndexCensus index : census.indexes().subList(0, 2)) {
            Map<String, Integer> byStatus = new HashMap<>();
            Map<String, Integer> finished = new HashMap<>();
            Instant oldestRunning = null;
            for (Map<String, Object> model : pages.imports(index.name() + ".svc.test")) {
                String status = (String) model.get("status");
                byStatus.merge(status, 1, Integer::sum);
                Object end = model.get("finishedAt");
                if (end != null && !Instant.parse((String) end).isBefore(since)
                        && Instant.parse((String) end).isBefore(until)) {
                    finished.merge(status, 1, Integer::sum);
                }
                Instant created = Instant.parse((String) model.get("createdAt"));
                if ((status.equals("Pending") || status.equals("InProgress"))
                        && (oldestRunning == null || created.isBefore(oldestRunning))) {
                    oldestRunning = created;
                }
            }
            assertEquals(byStatus, index.byStatus(), index.name());
            assertEquals(finished, index.finished(), index.name());
            assertEquals(oldestRunning, index.oldestRunning(), index.name());
            assertEquals(index.name() + ".svc.test", index.host());
            assertTrue(index.ready());
        }
        // the window [05:00, 14:10) holds the imports that finished at 05:10 through 14:10, not the one at 14:10
        assertEquals(Map.of("Completed", 2, "Failed", 2, "Cancelled", 1), census.indexes().get(0).finished());
        assertEquals(Instant.parse("2026-01-01T02:00:00Z"), census.indexes().get(0).oldestRunning());
        assertFalse(census.indexes().get(2).ready());
        assertEquals(0, pages.calls("c.svc.test"), "an index that is not ready is not read");
    }

    @Test
    void aCensusIsWholeOrItIsAnError() {
        CannedPages pages = new CannedPages().index("a.svc.test", 30).index("b.svc.test", 50).failsAt("b.svc.test", 4);
        ImportQuery query = ImportQuery.builder().counts(true).build();
        ListingFailedException failed = assertThrows(ListingFailedException.class,
                () -> new Listing(pages, LIMITS, WALKS).census(query, List.of(index("a", true), index("b", true))));
        assertEquals("b", failed.index());
        ListingTooLargeException tooLong = assertThrows(ListingTooLargeException.class,
                () -> new Listing(new CannedPages().index("a.svc.test", 100), new Listing.Limits(10, 9, 10_000, 1),
                        WALKS).census(query, List.of(index("a", true))));
        assertEquals("scan", tooLong.field());
        assertTrue(tooLong.getMessage().contains("IMPORTS_MAX_PAGES"), tooLong.getMessage());
    }

    @Test
    void anIndexThatIsNotReadyIsReportedAndNeverRead() {
        CannedPages pages = new CannedPages().index("a.svc.test", 12).index("b.svc.test", 12);
        List<IndexTarget> targets = List.of(index("a", true), index("b", false));
        ImportPage listed = run(pages, LIMITS, targets, ImportQuery.builder().all(true).build());
        assertEquals(12, listed.data().size());
        assertEquals(0, pages.calls("b.svc.test"));
        assertEquals(Boolean.FALSE, listed.summary().byIndex().get("b").ready());
        ImportPage counted = run(pages, LIMITS, targets, ImportQuery.builder().counts(true).build());
        assertEquals(List.of("b"), counted.matched().notReady());
        assertEquals(12, counted.matched().total());
        assertEquals(Map.of("a", 12), Map.of("a", counted.matched().byIndex().get("a").total()));
    }

    @Test
    void anIndexGivenByHostKeepsItsImportsAsPineconeWroteThem() {
        CannedPages pages = new CannedPages().index("h.svc.test", 3);
        Connection connection = new Connection("k", "2025-01", "h.svc.test", null, null, Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        ImportPage listed = run(pages, LIMITS, List.of(new IndexTarget(null, connection, true, null)),
                ImportQuery.builder().all(true).build());
        assertEquals(List.of("h.svc.test-0", "h.svc.test-1", "h.svc.test-2"),
                listed.data().stream().map(ImportModel::id).toList());
        assertNull(listed.data().get(0).extra().get("index"));
        assertNull(listed.summary().byIndex());
    }
}
