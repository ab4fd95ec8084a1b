package io.github.pineconeimports.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.pineconeimports.client.IndexTarget;
import io.github.pineconeimports.failure.ListingTooLargeException;

/**
 * The engine's core, free of CDI and transport: plans a listing, walks its indexes ({@link IndexWalk}, concurrently
 * through {@link Fanout}) and assembles the answer ({@link Assembly}). Plain unit tests drive it with canned
 * {@link Pages}.
 */
final class Listing {

    /** The bounds of one call (see {@link ImportsConfig}). */
    record Limits(int pageSize, int maxPages, int allMaxResults, int indexConcurrency) {
        static Limits of(ImportsConfig config) {
            return new Limits(config.upstreamPageSize(), config.maxPages(), config.allMaxResults(),
                    config.indexConcurrency());
        }
    }

    private final Pages pages;
    private final Limits limits;
    private final ExecutorService walks;

    Listing(Pages pages, Limits limits, ExecutorService walks) {
        this.pages = pages;
        this.limits = limits;
        this.walks = walks;
    }

    ImportPage run(ImportQuery query, List<IndexTarget> targets) {
        ListingPlan plan = ListingPlan.of(query, targets, limits.allMaxResults());
        Assembly assembly = new Assembly(plan);
        int end = plan.ready().size();
        try (Fanout fanout = fanout(plan)) {
            for (int i = plan.first(); i < end && assembly.add(i, fanout.get(i)); i++) {
                // each index's segment in name order, until the answer is full
            }
        }
        return assembly.answer();
    }

    /**
     * Every page of every ready index, counted ({@code query}'s finish window is the census'): the whole census, or an
     * exception, never a part of one.
     */
    Census census(ImportQuery query, List<IndexTarget> targets) {
        ListingPlan plan = ListingPlan.of(query.answered(Mode.CENSUS), targets, limits.allMaxResults());
        List<Census.IndexCensus> indexes = new ArrayList<>();
        try (Fanout fanout = fanout(plan)) {
            for (int i = 0; i < plan.ready().size(); i++) {
                IndexWalk.Segment segment = fanout.get(i);
                IndexTarget target = plan.ready().get(i);
                if (segment.resume() != null) {
                    throw new ListingTooLargeException("scan", "a scan within imports.max-pages pages",
                            "the scan read " + limits.maxPages() + " pages (imports.max-pages) without reaching the end"
                                    + " of the indexes; raise IMPORTS_MAX_PAGES or scan fewer indexes");
                }
                indexes.add(new Census.IndexCensus(target.name(), target.connection().host().baseUri()
                        .getRawAuthority(), true, segment.tally().byStatus(), segment.matched().byStatus(),
                        segment.tally().oldestRunning));
            }
        }
        for (IndexTarget waiting : targets) {
            if (!waiting.ready()) {
                indexes.add(new Census.IndexCensus(waiting.name(), null, false, Map.of(), Map.of(), null));
            }
        }
        indexes.sort(Comparator.comparing(Census.IndexCensus::name, Comparator.nullsFirst(Comparator.naturalOrder())));
        return new Census(indexes);
    }

    private Fanout fanout(ListingPlan plan) {
        AtomicBoolean unneeded = new AtomicBoolean();
        IndexWalk walker = new IndexWalk(pages, plan, limits.pageSize(), new AtomicInteger(limits.maxPages()),
                unneeded);
        return new Fanout(walks, limits.indexConcurrency(), plan.first(), plan.ready().size(), unneeded, walker::run);
    }
}
