package io.github.pineconeimports.cli;

import java.util.List;
import java.util.Map;

import io.github.pineconeimports.client.Connection;
import io.github.pineconeimports.client.ImportModel;
import io.github.pineconeimports.failure.ListingTooLargeException;
import io.github.pineconeimports.imports.ImportOperations;
import io.github.pineconeimports.imports.ImportLister;
import io.github.pineconeimports.imports.ImportPage;
import io.github.pineconeimports.imports.ImportQuery;

/**
 * A watch's polls, each at the cost of what is watched: every running import by id when there are no more of them
 * than the listing has pages, else the listing once. Pinecone's rate limits are shared with the user's other work.
 */
final class WatchPolls {

    private final ImportLister lister;
    private final ImportOperations operations;
    private final Connection target;
    private final ImportQuery listing;
    private int listingPages;

    WatchPolls(ImportLister lister, ImportOperations operations, Connection target, ImportQuery listing,
            int listingPages) {
        this.lister = lister;
        this.operations = operations;
        this.target = target;
        this.listing = listing;
        this.listingPages = Math.max(1, listingPages);
    }

    /** Polls that read each import by id, never the listing: for one import, which one describe reads. */
    static WatchPolls byId(ImportOperations operations, Connection target) {
        return new WatchPolls(null, operations, target, null, Integer.MAX_VALUE);
    }

    /** Brings every running import of {@code watched} up to date. */
    void refresh(Map<String, ImportModel> watched) {
        List<ImportModel> running = watched.values().stream().filter(m -> !WatchCommand.finished(m)).toList();
        if (running.size() > listingPages) {
            try {
                ImportPage page = lister.list(listing, target);
                page.data().forEach(m -> watched.computeIfPresent(WatchCommand.key(m), (key, old) -> m));
                listingPages = Math.max(1, page.summary().pages());
                return;
            } catch (ListingTooLargeException e) {
                listingPages = Integer.MAX_VALUE; // too large to re-read in one listing: by id from now on
            }
        }
        for (ImportModel m : running) {
            Object index = m.extra().get("index");
            ImportModel now = operations.follow(target, index == null ? null : index.toString(), m.id());
            if (now != null) {
                watched.put(WatchCommand.key(m), now);
            }
        }
    }
}
