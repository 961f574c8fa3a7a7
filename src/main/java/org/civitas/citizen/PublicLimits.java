package org.civitas.citizen;

import java.time.Duration;
import java.util.Map;
import org.civitas.base.web.RateBuckets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How often one client address may use the public pages. Token buckets that refill evenly over an hour, so a burst
 * of the hourly allowance is possible and then one use per {@code hour / limit}. Wrong tracking codes are counted
 * per case number, across addresses, by the service itself ({@code CitizenCases.track}), so no page can skip them.
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

    PublicLimits(RateBuckets buckets,
                 @Value("${civitas.public.reports-per-hour:10}") int reportsPerHour,
                 @Value("${civitas.public.lookups-per-hour:60}") int lookupsPerHour,
                 @Value("${civitas.public.ratings-per-hour:10}") int ratingsPerHour) {
        this.buckets = buckets;
        this.perHour = Map.of(Use.REPORT, reportsPerHour, Use.TRACK, lookupsPerHour, Use.RATE, ratingsPerHour);
    }

    /** Takes one use for the address; false when its allowance is spent (then nothing must happen). */
    public boolean tryUse(Use use, String clientAddress) {
        String address = clientAddress == null ? "" : clientAddress;
        return buckets.take(use.name() + "|" + (address.length() > 80 ? address.substring(0, 80) : address),
                perHour.get(use), Duration.ofHours(1), true).allowed();
    }

    /** Forgets every bucket (tests; an operator could run it to lift a limit). */
    public void forgetAll() {
        buckets.forget("");
    }
}
