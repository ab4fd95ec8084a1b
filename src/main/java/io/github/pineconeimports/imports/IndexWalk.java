package io.github.pineconeimports.imports;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.pineconeimports.client.ImportEntry;
import io.github.pineconeimports.client.ImportModel;
import io.github.pineconeimports.client.IndexTarget;
import io.github.pineconeimports.client.ListImportsResponse;
import io.github.pineconeimports.failure.ListingFailedException;
import io.github.pineconeimports.failure.PineconeException;

/**
 * One index's share of a listing: from a position, page by page, until it holds {@code need} matches and knows
 * where the next one stands (so a token is only handed out when more may follow), or the index ends, or the
 * call's page budget is spent, or the listing no longer needs it. Each match remembers where it stood and what
 * had been scanned before it, so the listing can cut the walk after any match and resume exactly there.
 */
final class IndexWalk {

    /** Where to resume: Pinecone's page token (null: the first page) and the position inside that page. */
    record Position(String pageToken, int skip) {
        static final Position START = new Position(null, 0);
    }

    /** A match, where it stood, and (when the walk may be cut there) what had been scanned before it. */
    record Match(ImportModel model, Position at, Tally before) {
    }

    /**
     * What the walk found; {@code resume} is where it stopped, or null when the index has no more imports. A
     * counting walk keeps no matches, only their tally in {@code matched}.
     */
    record Segment(List<Match> matches, Position resume, Tally tally, Tally matched) {
    }

    private final Pages pages;
    private final ListingPlan plan;
    private final ImportQuery query;
    private final int pageSize;
    private final AtomicInteger pagesLeft;
    private final AtomicBoolean unneeded;

    /** The walks of {@code plan}, sharing one page budget and one "no longer needed" flag. */
    IndexWalk(Pages pages, ListingPlan plan, int pageSize, AtomicInteger pagesLeft, AtomicBoolean unneeded) {
        this.pages = pages;
        this.plan = plan;
        this.query = plan.query();
        this.pageSize = pageSize;
        this.pagesLeft = pagesLeft;
        this.unneeded = unneeded;
    }

    /** The walk of the plan's ready index {@code index}, from where the plan says it starts. */
    Segment run(int index) {
        IndexTarget target = plan.ready().get(index);
        Position from = plan.from(index);
        int need = plan.need();
        String token = plan.token();
        // only a walk the answer may cut after any match keeps what was scanned before each
        boolean cuttable = plan.cuttable(index);
        List<Match> matches = new ArrayList<>();
        // a census also finds the oldest running import
        Tally tally = new Tally(query.mode() == Mode.CENSUS);
        Tally matched = new Tally();
        String pageToken = from.pageToken();
        int skip = from.skip();
        Set<String> seenTokens = new HashSet<>();
        while (true) {
            if (unneeded.get() || pagesLeft.getAndDecrement() <= 0) {
                return new Segment(matches, new Position(pageToken, skip), tally, matched);
            }
            ListImportsResponse response = page(target, pageToken, tally);
            tally.pages++;
            if (response == null || response.data() == null) {
                throw ListingFailedException.anomaly(target.name(), "Pinecone answered a page without data",
                        tally.pages, tally.scanned);
            }
            List<ImportEntry> data = response.data();
            if (skip > data.size()) {
                throw ContinuationToken.invalid(token,
                        "points past the end of its page: the listing changed; start again without it");
            }
            Map<String, Integer> seen = new HashMap<>();
            try {
                for (int i = skip; i < data.size(); i++) {
                    ImportEntry entry = data.get(i);
                    boolean match = query.matches(entry);
                    if (match && query.mode().counts()) {
                        matched.count(entry);
                    } else if (match && matches.size() == need) {
                        return new Segment(matches, new Position(pageToken, i), tally, matched);
                    } else if (match) {
                        // only the imports an answer keeps are bound in full
                        matches.add(new Match(entry.model(), new Position(pageToken, i), cuttable ? tally.copy()
                                : null));
                    }
                    tally.count(entry);
                    seen.merge(Tally.status(entry), 1, Integer::sum);
                }
            } catch (PineconeException unreadable) {
                throw ListingFailedException.upstream(target.name(), unreadable, tally.pages, tally.scanned);
            } finally {
                ListingMetrics.importsSeen(seen);
            }
            String next = response.nextToken();
            if (next == null) {
                return new Segment(matches, null, tally, matched);
            }
            if (next.equals(pageToken) || !seenTokens.add(next)) {
                throw ListingFailedException.anomaly(target.name(),
                        "Pinecone repeated a pagination token (an upstream loop)",
                        tally.pages, tally.scanned);
            }
            pageToken = next;
            skip = 0;
            if (matches.size() == need) {
                return new Segment(matches, new Position(pageToken, 0), tally, matched);
            }
        }
    }

    private ListImportsResponse page(IndexTarget target, String pageToken, Tally tally) {
        long started = System.nanoTime();
        try {
            ListImportsResponse response = pages.page(target, pageSize, pageToken);
            ListingMetrics.upstreamCall(ListingMetrics.SUCCESS, Duration.ofNanos(System.nanoTime() - started));
            ListingMetrics.pageFetched();
            return response;
        } catch (PineconeException e) {
            ListingMetrics.upstreamCall(ListingMetrics.outcome(e), Duration.ofNanos(System.nanoTime() - started));
            throw ListingFailedException.upstream(target.name(), e, tally.pages, tally.scanned);
        }
    }
}
