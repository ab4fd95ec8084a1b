package io.github.pineconeimports.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

import io.github.pineconeimports.client.Deadline;

/**
 * The walks of several indexes, read concurrently but consumed in order: at most {@code concurrency} run at once,
 * each under the caller's deadline, and the next starts as soon as the listing takes one. A single index is
 * walked on the caller's own thread.
 */
final class Fanout implements AutoCloseable {

    private final ExecutorService pool;
    private final int concurrency;
    private final int end;
    private final IntFunction<IndexWalk.Segment> walk;
    private final List<CompletableFuture<IndexWalk.Segment>> started = new ArrayList<>();
    private final int first;
    private final AtomicBoolean unneeded;

    /** {@code unneeded} tells the walks still running, when this closes, that the listing is done with them. */
    Fanout(ExecutorService pool, int concurrency, int first, int end, AtomicBoolean unneeded,
            IntFunction<IndexWalk.Segment> walk) {
        this.pool = pool;
        this.unneeded = unneeded;
        this.concurrency = Math.max(1, concurrency);
        this.first = first;
        this.end = end;
        this.walk = walk;
    }

    /** The segment of walk {@code i}, waiting for it if need be; its failure is the listing's. */
    IndexWalk.Segment get(int i) {
        if (end - first == 1) {
            return walk.apply(i);
        }
        while (started.size() < Math.min(end - first, i - first + concurrency)) {
            int next = first + started.size();
            started.add(CompletableFuture.supplyAsync(Deadline.inherit(() -> walk.apply(next)), pool));
        }
        try {
            return started.get(i - first).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    /** Tells the walks still running that they are not needed, and waits for them; their results are unused. */
    @Override
    public void close() {
        unneeded.set(true);
        for (CompletableFuture<IndexWalk.Segment> walking : started) {
            try {
                walking.join();
            } catch (RuntimeException unused) {
                // a walk past the end of the answer: what it found, or how it failed, is not part of the answer
            }
        }
    }
}
