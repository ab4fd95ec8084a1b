package io.github.pineconeimports.function;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.github.pineconeimports.client.Deadline;
import io.github.pineconeimports.failure.Failure;
import io.github.pineconeimports.imports.ImportLister;
import io.github.pineconeimports.imports.ImportQuery;
import io.github.pineconeimports.support.UpstreamProfile;
import io.github.pineconeimports.support.WireMockUpstream;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * One deadline for the whole listing: an upstream slower than the read timeout (1 s) is retried only while the
 * deadline leaves room, then the call ends incomplete. The caller's own deadline (2 s here) wins over the
 * configured one, which is how a test shortens it in the shared upstream profile. Asserted by order and count,
 * with a generous upper bound on time.
 */
@QuarkusTest
@TestProfile(UpstreamProfile.class)
class DeadlineTest {

    @Inject
    ImportLister lister;

    @Test
    void anUpstreamSlowerThanTheDeadlineEndsTheCallIncomplete() {
        WireMockServer pinecone = WireMockUpstream.server();
        pinecone.resetAll();
        pinecone.stubFor(get(urlPathEqualTo("/bulk/imports"))
                .willReturn(okJson("{\"data\": []}").withFixedDelay(1_500)));
        long started = System.nanoTime();
        Failure failed = assertThrows(Failure.class,
                () -> Deadline.within(Duration.ofSeconds(2), () -> lister.list(ImportQuery.builder().build())));
        // the deadline, not an outage: the last wait was cut by it (a 504 on the function, DeadlineExceeded on Lambda)
        assertEquals(Failure.Kind.DEADLINE, failed.kind(), failed.getMessage());
        assertTrue(failed.kind().incomplete(), failed.kind() + ": " + failed.getMessage());
        long took = (System.nanoTime() - started) / 1_000_000;
        int calls = pinecone.getAllServeEvents().size();
        // the first attempt times out after 1 s and is retried; no retry starts once the 2 s are spent, so fewer
        // than the five attempts the retry policy allows
        assertTrue(calls >= 2 && calls <= 4, "retried only while time was left: " + calls);
        assertTrue(took < 2_000 + 1_000 + 5_000,
                "ended within the deadline, one read and a wide margin: " + took + " ms");
    }
}
