package io.github.pineconeimports.imports;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.pineconeimports.client.IndexTarget;

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
        AtomicBoolean unneeded = new AtomicBoolean();
        AtomicInteger pagesLeft = new AtomicInteger(limits.maxPages());
        IndexWalk walker = new IndexWalk(pages, plan, limits.pageSize(), pagesLeft, unneeded);
        Assembly assembly = new Assembly(plan);
        int end = plan.ready().size();
        try (Fanout fanout = new Fanout(walks, limits.indexConcurrency(), plan.first(), end, unneeded, walker::run)) {
            for (int i = plan.first(); i < end && assembly.add(i, fanout.get(i)); i++) {
                // each index's segment in name order, until the answer is full
            }
        }
        return assembly.answer();
    }
}
