package org.civitas.citizen;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How often one client address may use the public pages, and how many wrong check codes one case number takes
 * (DESIGN §7: the 4-digit code must not be guessable). Token buckets that refill evenly over an hour, so a burst of
 * the hourly allowance is possible and then one use per {@code hour / limit}.
 *
 * <p>The buckets live in this node's memory: behind a load balancer with N nodes a client may get up to N times the
 * allowance, and a restart forgets them. Acceptable for the public form; a shared store (the database or a cache)
 * would replace this class when the cluster grows (issue 10).
 */
@Component
public class PublicLimits {

    /** What a client does on the public pages; each has its own allowance per address. */
    public enum Use { REPORT, TRACK, RATE }

    /** Above this many buckets, the idle (full again) ones are dropped, so addresses cannot fill the memory. */
    static final int MAX_BUCKETS = 50_000;

    private final Clock clock;
    private final Map<Use, Integer> perHour;
    private final int wrongCodesPerNumber;
    private final Duration numberLock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    PublicLimits(Clock clock,
                 @Value("${civitas.public.reports-per-hour:10}") int reportsPerHour,
                 @Value("${civitas.public.lookups-per-hour:60}") int lookupsPerHour,
                 @Value("${civitas.public.ratings-per-hour:10}") int ratingsPerHour,
                 @Value("${civitas.public.wrong-codes-per-number:10}") int wrongCodesPerNumber,
                 @Value("${civitas.public.number-lock:PT1H}") Duration numberLock) {
        this.clock = clock;
        this.perHour = Map.of(Use.REPORT, reportsPerHour, Use.TRACK, lookupsPerHour, Use.RATE, ratingsPerHour);
        this.wrongCodesPerNumber = wrongCodesPerNumber;
        this.numberLock = numberLock;
    }

    /** Takes one use for the address; false when its allowance is spent (then nothing must happen). */
    public boolean tryUse(Use use, String clientAddress) {
        int limit = perHour.get(use);
        return bucket(use.name() + "|" + clientAddress, limit, Duration.ofHours(1)).take();
    }

    /** Whether lookups of this case number are locked after too many wrong check codes. */
    public boolean numberLocked(String caseNumber) {
        Bucket b = buckets.get(numberKey(caseNumber));
        return b != null && !b.hasToken();
    }

    /**
     * Counts a wrong check code (or an unknown number: the two must not be told apart) against the number. After
     * {@code wrong-codes-per-number} of them the number is locked, and it opens again one attempt at a time over
     * {@code number-lock}.
     */
    public void wrongCode(String caseNumber) {
        bucket(numberKey(caseNumber), wrongCodesPerNumber, numberLock).take();
    }

    /** Forgets every bucket (tests; an operator could expose it to lift a lock). */
    public void forgetAll() {
        buckets.clear();
    }

    private static String numberKey(String caseNumber) {
        String n = caseNumber == null ? "" : caseNumber.trim().toUpperCase(Locale.ROOT);
        return "NUMBER|" + (n.length() > 32 ? n.substring(0, 32) : n);
    }

    private Bucket bucket(String key, int capacity, Duration refillAll) {
        if (buckets.size() > MAX_BUCKETS) {
            long now = clock.millis();
            buckets.values().removeIf(b -> b.fullAt(now));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(capacity, refillAll.toMillis()));
    }

    /** {@code capacity} tokens, refilled one per {@code refillAll / capacity}. */
    private final class Bucket {
        private final int capacity;
        private final double tokensPerMilli;
        private double tokens;
        private long updatedAt;

        Bucket(int capacity, long refillAllMillis) {
            this.capacity = Math.max(capacity, 0);
            this.tokensPerMilli = capacity / (double) Math.max(refillAllMillis, 1);
            this.tokens = this.capacity;
            this.updatedAt = clock.millis();
        }

        synchronized boolean take() {
            refill(clock.millis());
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }

        synchronized boolean hasToken() {
            refill(clock.millis());
            return tokens >= 1;
        }

        synchronized boolean fullAt(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            // a clock set back (tests, NTP) adds nothing and takes nothing
            long elapsed = Math.max(0, now - updatedAt);
            tokens = Math.min(capacity, tokens + elapsed * tokensPerMilli);
            updatedAt = Math.max(updatedAt, now);
        }
    }
}
