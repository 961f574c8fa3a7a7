package org.civitas.base;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value computed at most once per period, for gauges that a scrape every few seconds on every node would otherwise
 * count in the database each time. A failed computation is not cached: the caller sees the exception.
 */
public final class TimedCache<T> {

    private final Supplier<T> source;
    private final long periodNanos;
    private T value;
    private long computedAt;
    private boolean present;

    public TimedCache(Duration period, Supplier<T> source) {
        this.source = source;
        this.periodNanos = period.toNanos();
    }

    public synchronized T get() {
        long now = System.nanoTime();
        if (!present || now - computedAt >= periodNanos) {
            value = source.get();
            computedAt = now;
            present = true;
        }
        return value;
    }

    /** The next {@link #get} computes afresh (tests, and a health check that must not read a stale figure). */
    public synchronized void invalidate() {
        present = false;
    }
}
