package org.civitas.base;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A small per-node cache of reference data that changes rarely and is read on every intake: the list, the units,
 * the channel systems and their keys (docs/benchmarks.md, intake). An entry lives for {@code ttl}; a change made
 * on this node clears the cache when its transaction commits, a change made on another node is seen here within
 * {@code ttl}. Values must be immutable (records, {@link java.util.Optional}s of records). A zero {@code ttl}
 * turns caching off.
 */
public final class ReferenceCache<K, V> {

    private record Entry<V>(V value, long expiresAt) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;

    public ReferenceCache(Duration ttl, int maxEntries) {
        this(ttl, maxEntries, System::nanoTime);
    }

    ReferenceCache(Duration ttl, int maxEntries, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    /** The cached value of {@code key}, or the loader's, kept for the time to live. */
    public V get(K key, Function<? super K, ? extends V> loader) {
        if (ttlNanos <= 0) {
            return loader.apply(key);
        }
        long now = nanoTime.getAsLong();
        Entry<V> e = entries.get(key);
        if (e != null && e.expiresAt() - now > 0) {
            return e.value();
        }
        V value = loader.apply(key);
        if (entries.size() >= maxEntries) {
            // reference data is small; a flood of unknown keys (wrong API keys) must not grow the heap
            entries.clear();
        }
        entries.put(key, new Entry<>(value, now + ttlNanos));
        return value;
    }

    /**
     * Forgets every entry now, so the changing transaction reads its own change, and again when that transaction
     * completes, so no other reader keeps a value it loaded before the commit (or a value that was rolled back).
     */
    public void clear() {
        entries.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    entries.clear();
                }
            });
        }
    }
}
