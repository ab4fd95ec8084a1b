package io.github.pineconeimports.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The one time-to-live cache, on a clock the test moves. */
class ExpiringTest {

    private final AtomicLong now = new AtomicLong();
    private final Expiring<String, String> cache = new Expiring<>(Duration.ofSeconds(10), now::get);
    private final AtomicInteger loads = new AtomicInteger();

    private String load() {
        return "v" + loads.incrementAndGet();
    }

    @Test
    void aValueIsKeptForItsTimeToLiveThenLoadedAgain() {
        assertEquals("v1", cache.get("k", this::load));
        now.addAndGet(Duration.ofSeconds(9).toNanos());
        assertEquals("v1", cache.get("k", this::load));
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertEquals("v2", cache.get("k", this::load), "expired at exactly its time-to-live");
        assertEquals("v3", cache.get("other", this::load), "each key its own value");
    }

    @Test
    void forgettingDropsOnlyTheValueFoundWrong() {
        cache.get("k", this::load);
        cache.forget("k", "something newer");
        assertEquals("v1", cache.get("k", this::load), "a value other than the one found wrong stays");
        cache.forget("k", "v1");
        assertEquals("v2", cache.get("k", this::load));
    }

    @Test
    void aFailedLoadKeepsNothing() {
        assertThrows(IllegalStateException.class, () -> cache.get("k", () -> {
            throw new IllegalStateException("upstream down");
        }));
        assertEquals(0, cache.size());
        assertEquals("v1", cache.get("k", this::load));
    }
}
