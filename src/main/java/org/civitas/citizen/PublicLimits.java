package org.civitas.citizen;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.civitas.base.web.RateBuckets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How often one client address may use the public pages, and how many wrong check codes one case number takes
 * (DESIGN §7: the 4-digit code must not be guessable). Token buckets that refill evenly over an hour, so a burst of
 * the hourly allowance is possible and then one use per {@code hour / limit}.
 *
 * <p>The buckets are {@link RateBuckets}, so every app node counts against the same allowance and a restart forgets
 * nothing.
 */
@Component
public class PublicLimits {

    /** What a client does on the public pages; each has its own allowance per address. */
    public enum Use { REPORT, TRACK, RATE }

    private final RateBuckets buckets;
    private final Map<Use, Integer> perHour;
    private final int wrongCodesPerNumber;
    private final Duration numberLock;

    PublicLimits(RateBuckets buckets,
                 @Value("${civitas.public.reports-per-hour:10}") int reportsPerHour,
                 @Value("${civitas.public.lookups-per-hour:60}") int lookupsPerHour,
                 @Value("${civitas.public.ratings-per-hour:10}") int ratingsPerHour,
                 @Value("${civitas.public.wrong-codes-per-number:10}") int wrongCodesPerNumber,
                 @Value("${civitas.public.number-lock:PT1H}") Duration numberLock) {
        this.buckets = buckets;
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
        buckets.forget("");
    }

    private static String numberKey(String caseNumber) {
        String n = caseNumber == null ? "" : caseNumber.trim().toUpperCase(Locale.ROOT);
        return "NUMBER|" + (n.length() > 32 ? n.substring(0, 32) : n);
    }

    private boolean take(String key, int capacity, Duration refillAll, boolean consume) {
        return buckets.take(key, capacity, refillAll, consume).allowed();
    }
}
