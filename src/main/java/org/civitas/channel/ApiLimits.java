package org.civitas.channel;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.civitas.base.web.RateBuckets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How much the machine channels may ask (docs/api.md, limits). Three allowances, each a token bucket refilled evenly
 * over a minute (or {@code key-failure-window}):
 *
 * <ul>
 *   <li>a channel system's reads and its writes (all its keys together; a batch of up to 100 reports is one write):
 *       buckets in this node's memory holding {@code 1/nodes} of the allowance each, because these are taken on
 *       every accepted request and a {@link RateBuckets} row is one locked transaction (about 1 ms, all of one
 *       system's requests queued on one row: docs/api.md);</li>
 *   <li>anonymous Open311 reads per client address, and wrong keys per client address: {@link RateBuckets}, shared by
 *       the nodes, taken only by requests that cost far more than a transaction or that are refused anyway.</li>
 * </ul>
 *
 * An address that spent its wrong-key allowance is refused on this node without its key being looked at until its
 * next token is due, so that a guesser learns nothing more.
 */
@Component
class ApiLimits {

    /** What a refused request waits for; {@code null} from a take that was allowed. */
    record Refusal(long retryAfterSeconds) {
    }

    /** The allowances: per minute for a system's reads and writes and an address's anonymous reads. */
    record Allowances(int readsPerMinute, int writesPerMinute, int anonymousReadsPerMinute, int keyFailures,
                      Duration keyFailureWindow, int nodes) {
    }

    private final RateBuckets shared;
    private final Clock clock;
    private volatile Allowances allowances;
    private final Map<String, LocalBucket> local = new ConcurrentHashMap<>();
    /** Addresses refused for wrong keys, until when (epoch ms): checked before the key is. */
    private final Map<String, Long> blocked = new ConcurrentHashMap<>();

    ApiLimits(RateBuckets shared, Clock clock,
              @Value("${civitas.api.reads-per-minute:600}") int readsPerMinute,
              @Value("${civitas.api.writes-per-minute:300}") int writesPerMinute,
              @Value("${civitas.api.anonymous-reads-per-minute:60}") int anonymousReadsPerMinute,
              @Value("${civitas.api.key-failures:20}") int keyFailures,
              @Value("${civitas.api.key-failure-window:PT10M}") Duration keyFailureWindow,
              @Value("${civitas.api.nodes:1}") int nodes) {
        this.shared = shared;
        this.clock = clock;
        this.allowances = new Allowances(readsPerMinute, writesPerMinute, anonymousReadsPerMinute, keyFailures,
                keyFailureWindow, Math.max(1, nodes));
    }

    Allowances allowances() {
        return allowances;
    }

    /** New allowances, every bucket started afresh (tests set small ones and put the configured ones back). */
    void allowances(Allowances allowances) {
        this.allowances = allowances;
        forgetAll();
    }

    /** A channel system's request: one token of its read or write allowance on this node. */
    Refusal system(String systemCode, boolean write) {
        Allowances a = allowances;
        int perMinute = Math.max(1, (write ? a.writesPerMinute() : a.readsPerMinute()) / a.nodes());
        String key = (write ? "W|" : "R|") + systemCode;
        LocalBucket bucket = local.computeIfAbsent(key, k -> new LocalBucket(perMinute, clock.millis()));
        long wait = bucket.take(perMinute, 60_000, clock.millis());
        return wait == 0 ? null : new Refusal(seconds(wait));
    }

    /** An Open311 read without a key, counted per client address across the nodes. */
    Refusal anonymousRead(String address) {
        RateBuckets.Take t = shared.take("API_ANON|" + trim(address), allowances.anonymousReadsPerMinute(),
                Duration.ofMinutes(1), true);
        return t.allowed() ? null : new Refusal(t.retryAfterSeconds());
    }

    /** Whether this address is refused for wrong keys now, before its key is looked at. */
    Refusal keyBlocked(String address) {
        Long until = blocked.get(trim(address));
        long now = clock.millis();
        if (until == null) {
            return null;
        }
        if (until <= now) {
            blocked.remove(trim(address), until);
            return null;
        }
        return new Refusal(seconds(until - now));
    }

    /** Counts a wrong key against the address; the refusal when its allowance is spent. */
    Refusal keyFailed(String address) {
        String a = trim(address);
        RateBuckets.Take t = shared.take("API_KEYFAIL|" + a, allowances.keyFailures(),
                allowances.keyFailureWindow(), true);
        if (t.allowed()) {
            return null;
        }
        if (blocked.size() > 10_000) {
            long now = clock.millis();
            blocked.values().removeIf(until -> until <= now);
        }
        blocked.put(a, clock.millis() + t.retryAfterMillis());
        return new Refusal(t.retryAfterSeconds());
    }

    /** Forgets every allowance (tests; an administrator lifting a limit by a restart does the same on one node). */
    void forgetAll() {
        local.clear();
        blocked.clear();
        shared.forget("API_");
    }

    private static String trim(String address) {
        String a = address == null ? "" : address;
        return a.length() > 80 ? a.substring(0, 80) : a;
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }

    /** A token bucket in memory: full at first, refilled evenly; the wait for the next token when empty. */
    private static final class LocalBucket {

        private double tokens;
        private long updated;

        LocalBucket(int capacity, long now) {
            this.tokens = capacity;
            this.updated = now;
        }

        synchronized long take(int capacity, long refillMillis, long now) {
            double perMilli = capacity / (double) refillMillis;
            tokens = Math.min(capacity, tokens + Math.max(0, now - updated) * perMilli);
            updated = Math.max(updated, now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perMilli);
        }
    }
}
