package org.civitas.base.web;

import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Token buckets shared by every app node: rows of {@code rate_bucket}, so a limit holds across nodes and restarts.
 * A bucket of capacity {@code n} refills evenly over {@code refillAll}: a burst of {@code n} is possible, then one
 * use per {@code refillAll / n}. Each use is one short transaction of its own that locks the bucket's row; buckets
 * that are full again are deleted now and then (a new bucket starts full, so nothing is lost).
 *
 * <p>Keys are at most 96 characters; callers prefix them with what they count ({@code TRACK|…}, {@code API|…}).
 */
@Component
public class RateBuckets {

    /** What a take found: whether a token was there, and when the next one will be (0 when one is there now). */
    public record Take(boolean allowed, long retryAfterMillis) {

        /** Whole seconds to wait, at least 1, for a {@code Retry-After} header. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfterMillis + 999) / 1000);
        }
    }

    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public RateBuckets(Clock clock, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Takes a token from the bucket; false when it is empty (then nothing must happen). */
    public boolean tryTake(String key, int capacity, Duration refillAll) {
        return take(key, capacity, refillAll, true).allowed();
    }

    /** Whether the bucket has a token, without taking it. */
    public boolean hasToken(String key, int capacity, Duration refillAll) {
        return take(key, capacity, refillAll, false).allowed();
    }

    /**
     * Refills the bucket to now, then takes a token if {@code consume} (or only looks). A clock set back (tests,
     * NTP) adds nothing and takes nothing.
     */
    public Take take(String key, int capacity, Duration refillAll, boolean consume) {
        String k = key.length() > 96 ? key.substring(0, 96) : key;
        double perMilli = capacity / (double) Math.max(refillAll.toMillis(), 1);
        return tx.execute(status -> {
            long now = clock.millis();
            jdbc.update("insert into rate_bucket (bucket_key, tokens, updated_at, full_at) values (?, ?, ?, ?)"
                    + " on duplicate key update bucket_key = bucket_key", k, (double) capacity, now, now);
            double[] row = jdbc.queryForObject("select tokens, updated_at from rate_bucket where bucket_key = ?"
                    + " for update", (rs, i) -> new double[] {rs.getDouble(1), rs.getLong(2)}, k);
            long updated = (long) row[1];
            double tokens = Math.min(capacity, row[0] + Math.max(0, now - updated) * perMilli);
            boolean had = tokens >= 1;
            if (consume && had) {
                tokens -= 1;
            }
            long at = Math.max(updated, now);
            double rate = Math.max(perMilli, 1e-12);
            long fullAt = at + (long) Math.ceil((capacity - tokens) / rate);
            jdbc.update("update rate_bucket set tokens = ?, updated_at = ?, full_at = ? where bucket_key = ?", tokens,
                    at, fullAt, k);
            long retry = tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / rate) + (at - now);
            return new Take(had, retry);
        });
    }

    /**
     * Puts back a token taken for a use that turned out not to count (a login taken from an address's failure
     * allowance that succeeded): taking first and giving back keeps parallel requests from all finding the last token.
     */
    public void giveBack(String key, int capacity) {
        String k = key.length() > 96 ? key.substring(0, 96) : key;
        jdbc.update("update rate_bucket set tokens = least(?, tokens + 1) where bucket_key = ?", (double) capacity, k);
    }

    /** Empties every bucket whose key starts with the prefix (an operator lifting a limit; tests). */
    public void forget(String keyPrefix) {
        jdbc.update("delete from rate_bucket where bucket_key like ?", keyPrefix.replace("%", "\\%") + "%");
    }

    /** Drops the buckets that are full again: they hold nothing a new, full bucket would not. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    void forgetFull() {
        jdbc.update("delete from rate_bucket where full_at <= ?", clock.millis());
    }
}
