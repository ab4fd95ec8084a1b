package io.github.pineconeimports.imports;

import java.util.List;

import io.github.pineconeimports.client.IndexTarget;

/**
 * What a listing will do before it reads a page: the indexes it walks (the ready ones), the fingerprint its
 * tokens carry, where it starts (from a token, or the first index) and how many matches it needs.
 */
record ListingPlan(ImportQuery query, List<IndexTarget> targets, List<IndexTarget> ready, String fingerprint, int first,
        int need, int allMaxResults) {

    static ListingPlan of(ImportQuery query, List<IndexTarget> targets, int allMaxResults) {
        List<IndexTarget> ready = targets.stream().filter(IndexTarget::ready).toList();
        String fingerprint = query.fingerprint(ready.stream().map(t -> t.name() + "@" + t.connection().indexHost())
                .toList()
                .toString());
        ContinuationToken cursor = query.cursor();
        if (cursor != null && (!cursor.fingerprint().equals(fingerprint) || cursor.index() > ready.size())) {
            throw ContinuationToken.invalid(cursor.encode(),
                    "was issued for a different query (other statuses, time windows"
                    + " or indexes) or by another index host; start again without it");
        }
        int need = switch (query.mode()) {
            case PAGE -> query.limit();
            case ALL -> allMaxResults + 1;
            case COUNTS, CENSUS -> Integer.MAX_VALUE;
        };
        int first = cursor == null ? 0 : cursor.index();
        return new ListingPlan(query, targets, ready, fingerprint, first, need, allMaxResults);
    }

    /** Whether the indexes were named (each import then says which index it comes from). */
    boolean named() {
        return targets.get(0).name() != null;
    }

    /** Where the walk of ready index {@code i} starts: the token's position for the first, else the beginning. */
    IndexWalk.Position from(int i) {
        ContinuationToken cursor = query.cursor();
        return i == first && cursor != null ? new IndexWalk.Position(cursor.upstreamToken(), cursor.skip())
                : IndexWalk.Position.START;
    }

    /** A walk after the first of a limited answer may be cut after any match, so it keeps what preceded each. */
    boolean cuttable(int i) {
        return !query.mode().whole() && i > first;
    }

    /** The token this listing started from, as the caller gave it (for error messages), or null. */
    String token() {
        return query.cursor() == null ? null : query.cursor().encode();
    }
}
