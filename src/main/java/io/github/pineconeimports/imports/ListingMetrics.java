package io.github.pineconeimports.imports;

import java.time.Duration;
import java.util.Map;

import io.github.pineconeimports.failure.PineconeException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

/**
 * What the listing does upstream, as Micrometer meters on the global registry: Quarkus' Prometheus registry
 * on the HTTP and Knative builds (served at {@code /q/metrics}); no registry, hence no cost, on Lambda.
 * Tags never carry the key, tokens or hosts; statuses outside the known five count as "other" so a
 * misbehaving upstream cannot explode the series.
 */
public final class ListingMetrics {

    private ListingMetrics() {
    }

    /** One upstream call: its outcome (see {@link #outcome}) and how long it took. */
    static void upstreamCall(String outcome, Duration latency) {
        Counter.builder("pinecone.upstream.requests").description("Calls to Pinecone's List imports, by outcome")
                .tag("outcome", outcome).register(Metrics.globalRegistry).increment();
        Timer.builder("pinecone.upstream.latency").description("Latency of calls to Pinecone's List imports")
                .register(Metrics.globalRegistry).record(latency);
    }

    static void pageFetched() {
        Counter.builder("pinecone.pages.fetched").description("Pages of imports read from Pinecone")
                .register(Metrics.globalRegistry).increment();
    }

    /** The imports of one page, counted by status: one meter update per status, not one per import. */
    static void importsSeen(Map<String, Integer> byStatus) {
        byStatus.forEach((status, count) -> {
            String tag = ImportStatus.parse(status).map(ImportStatus::wire).orElse("other");
            Counter.builder("pinecone.imports.seen").description("Imports scanned, by status")
                    .tag("status", tag).register(Metrics.globalRegistry).increment(count);
        });
    }

    static final String SUCCESS = "200";

    /** The outcome tag of a failed call: Pinecone's status when it answered one, else what went wrong. */
    static String outcome(PineconeException e) {
        return switch (e.kind()) {
            case UPSTREAM_REJECTED, UPSTREAM_THROTTLED -> String.valueOf(e.httpStatus());
            case UPSTREAM_UNAVAILABLE -> e.httpStatus() == 0 ? "unreachable" : String.valueOf(e.httpStatus());
            case DEADLINE -> "deadline";
            case UPSTREAM_ANOMALY -> "anomaly";
            default -> "other";
        };
    }
}
