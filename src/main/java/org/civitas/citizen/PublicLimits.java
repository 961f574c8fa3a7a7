package org.civitas.citizen;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How often one client address may use the public pages, and how many wrong check codes one case number takes
 * (DESIGN §7: the 4-digit code must not be guessable). Token buckets that refill evenly over an hour, so a burst of
 * the hourly allowance is possible and then one use per {@code hour / limit}.
 *
 * <p>The buckets are rows of {@code rate_bucket}, so every app node counts against the same allowance and a restart
 * forgets nothing (issue 10). Each use is one short transaction that locks its bucket's row; buckets that have filled
 * up again are deleted now and then.
 */
@Component
public class PublicLimits {

    /** What a client does on the public pages; each has its own allowance per address. */
    public enum Use { REPORT, TRACK, RATE }

    private final Clock clock;
    private final Map<Use, Integer> perHour;
    private final int wrongCodesPerNumber;
    private final Duration numberLock;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    PublicLimits(Clock clock, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                 @Value("${civitas.public.reports-per-hour:10}") int reportsPerHour,
                 @Value("${civitas.public.lookups-per-hour:60}") int lookupsPerHour,
                 @Value("${civitas.public.ratings-per-hour:10}") int ratingsPerHour,
                 @Value("${civitas.public.wrong-codes-per-number:10}") int wrongCodesPerNumber,
                 @Value("${civitas.public.number-lock:PT1H}") Duration numberLock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.perHour = Map.of(Use.REPORT, reportsPerHour, Use.TRACK, lookupsPerHour, Use.RATE, ratingsPerHour);
        this.wrongCodesPerNumber = wrongCodesPerNumber;
        this.numberLock = numberLock;
    }

    /** Takes one use for the address; false when its allowance is spent (then nothing must happen). */
    public boolean tryUse(Use use, String clientAddress) {
        String address = clientAddress == null ? "" : clientAddress;
        return take(use.name() + "|" + (address.length() > 80 ? address.substring(0, 80) : address), perHour.get(use),
                Duration.ofHours(1), true);
    }

    /** Whether lookups of this case number are locked after too many wrong check codes. */
    public boolean numberLocked(String caseNumber) {
        return !take(numberKey(caseNumber), wrongCodesPerNumber, numberLock, false);
    }

    /**
     * Counts a wrong check code (or an unknown number: the two must not be told apart) against the number. After
     * {@code wrong-codes-per-number} of them the number is locked, and it opens again one attempt at a time over
     * {@code number-lock}.
     */
    public void wrongCode(String caseNumber) {
        take(numberKey(caseNumber), wrongCodesPerNumber, numberLock, true);
    }

    /** Forgets every bucket (tests; an operator could run it to lift a lock). */
    public void forgetAll() {
        jdbc.update("delete from rate_bucket");
    }

    /** Drops the buckets that are full again: they hold nothing a new, full bucket would not. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    void forgetFull() {
        jdbc.update("delete from rate_bucket where full_at <= ?", clock.millis());
    }

    private static String numberKey(String caseNumber) {
        String n = caseNumber == null ? "" : caseNumber.trim().toUpperCase(Locale.ROOT);
        return "NUMBER|" + (n.length() > 32 ? n.substring(0, 32) : n);
    }

    /**
     * Refills the bucket to now, then takes a token if {@code consume} (or only looks); true when a token was
     * there. A clock set back (tests, NTP) adds nothing and takes nothing.
     */
    private boolean take(String key, int capacity, Duration refillAll, boolean consume) {
        double perMilli = capacity / (double) Math.max(refillAll.toMillis(), 1);
        return Boolean.TRUE.equals(tx.execute(status -> {
            long now = clock.millis();
            jdbc.update("insert into rate_bucket (bucket_key, tokens, updated_at, full_at) values (?, ?, ?, ?)"
                    + " on duplicate key update bucket_key = bucket_key", key, (double) capacity, now, now);
            double[] row = jdbc.queryForObject("select tokens, updated_at from rate_bucket where bucket_key = ?"
                    + " for update", (rs, i) -> new double[] {rs.getDouble(1), rs.getLong(2)}, key);
            long updated = (long) row[1];
            double tokens = Math.min(capacity, row[0] + Math.max(0, now - updated) * perMilli);
            boolean had = tokens >= 1;
            if (consume && had) {
                tokens -= 1;
            }
            long at = Math.max(updated, now);
            long fullAt = at + (long) Math.ceil((capacity - tokens) / Math.max(perMilli, 1e-12));
            jdbc.update("update rate_bucket set tokens = ?, updated_at = ?, full_at = ? where bucket_key = ?", tokens,
                    at, fullAt, key);
            return had;
        }));
    }
}
