package io.github.pineconeimports.client;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Values kept for a time-to-live, by key: the control plane's answers and the key's secret. A miss loads once, under
 * its key's own lock (callers of other keys never wait for it); a failed load keeps nothing.
 */
public final class Expiring<K, V> {

    private record Entry<V>(V value, long until) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Map<K, Object> locks = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final LongSupplier nanoTime;

    public Expiring(Duration ttl) {
        this(ttl, System::nanoTime);
    }

    /** {@code nanoTime}: the clock, which a test controls. */
    public Expiring(Duration ttl, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The value of {@code key} while fresh, else what {@code load} gives (kept for the time-to-live). */
    public V get(K key, Supplier<V> load) {
        Entry<V> known = entries.get(key);
        if (fresh(known)) {
            return known.value();
        }
        Object lock = locks.computeIfAbsent(key, k -> new Object());
        synchronized (lock) {
            try {
                known = entries.get(key);
                if (fresh(known)) {
                    return known.value();
                }
                V value = load.get();
                entries.put(key, new Entry<>(value, nanoTime.getAsLong() + ttlNanos));
                return value;
            } finally {
                // no lock outlives its load: names that callers make up must not pile up here
                locks.remove(key, lock);
            }
        }
    }

    /** Drops {@code key} if it still holds {@code value} (a value found wrong; a newer one is kept). */
    public void forget(K key, V value) {
        entries.computeIfPresent(key, (k, known) -> Objects.equals(known.value(), value) ? null : known);
    }

    public int size() {
        return entries.size();
    }

    private boolean fresh(Entry<V> known) {
        return known != null && known.until() - nanoTime.getAsLong() > 0;
    }
}
