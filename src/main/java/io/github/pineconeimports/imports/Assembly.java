package io.github.pineconeimports.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.pineconeimports.client.ImportModel;
import io.github.pineconeimports.client.IndexTarget;
import io.github.pineconeimports.client.Pagination;
import io.github.pineconeimports.failure.ListingTooLargeException;

/**
 * The answer, built from the walks' segments in index order: the matches it keeps (at most the plan's need), the
 * totals of what was scanned up to the cut, and where the next call resumes.
 */
final class Assembly {

    private final ListingPlan plan;
    private final List<ImportModel> data = new ArrayList<>();
    private final Tally total = new Tally();
    private final Map<String, Summary.IndexSummary> byIndex = new TreeMap<>();
    private final Tally matched = new Tally();
    private final Map<String, Counts> matchedByIndex = new TreeMap<>();
    private IndexWalk.Position resume;
    private int resumeIndex;

    Assembly(ListingPlan plan) {
        this.plan = plan;
    }

    /** Adds the segment of ready index {@code i}; false once the answer is full (the rest is not needed). */
    boolean add(int i, IndexWalk.Segment segment) {
        IndexTarget target = plan.ready().get(i);
        int take = Math.min(plan.need() - data.size(), segment.matches().size());
        boolean cut = take < segment.matches().size();
        // a cut counts what was scanned before the match it stops at
        Tally used = cut ? segment.matches().get(take).before() : segment.tally();
        for (IndexWalk.Match match : segment.matches().subList(0, take)) {
            data.add(plan.named() ? match.model().withIndex(target.name()) : match.model());
        }
        total.add(used);
        matched.add(segment.matched());
        if (plan.named()) {
            byIndex.put(target.name(), Summary.IndexSummary.of(used));
            matchedByIndex.put(target.name(), Counts.of(segment.matched(), null, List.of()));
        }
        resumeIndex = i;
        resume = cut ? segment.matches().get(take).at() : segment.resume();
        if (resume == null && data.size() == plan.need() && i + 1 < plan.ready().size()) {
            resumeIndex = i + 1;
            resume = IndexWalk.Position.START;
        }
        return resume == null;
    }

    /** The answer; a whole listing that could not be completed within the caps is refused as too large. */
    ImportPage answer() {
        ImportQuery query = plan.query();
        int allMaxResults = plan.allMaxResults();
        if (query.mode() == Mode.ALL && data.size() > allMaxResults) {
            throw new ListingTooLargeException("all", ListingTooLargeException.ALL_ALLOWED, "more than " + allMaxResults
                    + " imports match; narrow the filter or page through with limit and paginationToken");
        }
        if (query.mode().whole() && resume != null) {
            String read = total.pages + " pages (imports.max-pages) without reaching the end; ";
            throw query.mode().counts()
                    ? new ListingTooLargeException("counts", "counts=true over at most imports.max-pages pages",
                            "counts=true read " + read + "raise IMPORTS_MAX_PAGES or name fewer indexes")
                    : new ListingTooLargeException("all", ListingTooLargeException.ALL_ALLOWED,
                            "all=true read " + read + "page through with limit and paginationToken");
        }
        List<IndexTarget> waiting = plan.targets().stream().filter(t -> !t.ready()).toList();
        waiting.forEach(t -> byIndex.put(t.name(), Summary.IndexSummary.notReady(t.state())));
        List<String> notReady = waiting.stream().map(IndexTarget::name).sorted().toList();
        Pagination next = resume == null ? null : new Pagination(new ContinuationToken(plan.fingerprint(), resumeIndex,
                resume.skip(), query.asOf(), resume.pageToken()).encode());
        boolean named = plan.named();
        Summary summary = new Summary(total.scanned, total.pages, total.byStatus(), named ? byIndex : null,
                query.finished().since(), query.finished().until());
        if (query.mode().counts()) {
            return new ImportPage(null, next, Counts.of(matched, named ? matchedByIndex : null, notReady), summary);
        }
        return new ImportPage(List.copyOf(data), next, null, summary);
    }
}
