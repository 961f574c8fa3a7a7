package org.civitas.cases.duplicates;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When two reports are the same complaint, as an operator would say (docs/decisions/DD048): the same problem (the
 * same item, or
 * the same category with a similar description) at the same place (the same address once normalised, a similar one
 * with no other house number, or within {@link #NEAR_METERS} m). Each side gives a factor from 0 to 1; their product
 * is the score (0–100) and a case from {@link #THRESHOLD} up is offered. The figures were set on the table of
 * {@code DuplicateRulesTest} (real-looking pairs, both kinds), whose precision and recall that test asserts.
 * Pure, no Spring.
 */
public final class DuplicateRules {

    static final int THRESHOLD = 50;
    public static final int NEAR_METERS = 50;
    /** Two reports' coordinates this far apart say "not the same spot" against a similar address. */
    static final int FAR_METERS = 150;

    /** What the rules compare of a report or a case. Coordinates may be null. */
    public record Report(String itemCode, String categoryCode, String districtCode, String streetCode, String address,
                  String description, Double latitude, Double longitude) {
    }

    /** A score from {@link #THRESHOLD} up with its reasons. */
    public record Score(int score, List<DuplicateReason> reasons) {
    }

    private DuplicateRules() {
    }

    /** The score of {@code other} as a duplicate of {@code report}, empty when it is not one. */
    public static Optional<Score> score(Report report, Report other) {
        Score s = rate(report, other);
        return s.score() >= THRESHOLD ? Optional.of(s) : Optional.empty();
    }

    /** The score whatever it is (0 when the two cannot be the same complaint): for the test's table. */
    static Score rate(Report a, Report b) {
        boolean sameItem = a.itemCode() != null && a.itemCode().equals(b.itemCode());
        boolean sameCategory = a.categoryCode() != null && a.categoryCode().equals(b.categoryCode());
        Double meters = a.latitude() == null || a.longitude() == null || b.latitude() == null
                || b.longitude() == null ? null
                : GeoDistance.meters(a.latitude(), a.longitude(), b.latitude(), b.longitude());
        boolean near = meters != null && meters <= NEAR_METERS;
        if (!sameItem && !sameCategory || !near && !samePlaceUnit(a, b)) {
            return new Score(0, List.of());
        }
        List<DuplicateReason> reasons = new ArrayList<>();
        reasons.add(new DuplicateReason(sameItem ? DuplicateReason.Kind.SAME_ITEM : DuplicateReason.Kind.SAME_CATEGORY,
                0));

        String addressA = AddressNormaliser.address(a.address());
        String addressB = AddressNormaliser.address(b.address());
        double address = addressSimilarity(addressA, addressB);
        if (address >= 1) {
            reasons.add(new DuplicateReason(DuplicateReason.Kind.SAME_ADDRESS, 0));
        } else if (address >= 0.6) {
            reasons.add(new DuplicateReason(DuplicateReason.Kind.SIMILAR_ADDRESS, percent(address)));
        }
        double place = address;
        if (meters != null) {
            reasons.add(new DuplicateReason(DuplicateReason.Kind.DISTANCE, (int) Math.round(meters)));
            if (near) {
                place = 1;
            } else if (meters > FAR_METERS) {
                // the coordinates disagree with the words: a typed address is trusted less
                place = address * 0.5;
            }
        }

        double description = AddressNormaliser.jaccard(AddressNormaliser.text(a.description()),
                AddressNormaliser.text(b.description()));
        if (description >= 0.2) {
            reasons.add(new DuplicateReason(DuplicateReason.Kind.SIMILAR_DESCRIPTION, percent(description)));
        }
        // two callers rarely use the same words: a fifth of shared pairs already says much
        double said = Math.min(1, description / 0.4);
        double problem = sameItem ? 0.8 + 0.2 * said : 0.3 + 0.55 * said;
        int score = (int) Math.round(100 * place * problem);
        Collections.sort(reasons, (x, y) -> Integer.compare(order(x), order(y)));
        return new Score(Math.max(0, Math.min(100, score)), List.copyOf(reasons));
    }

    /**
     * 1 for the same normalised address; low for other house numbers ("8号" and "18号" are other doors); high when
     * one address holds the other ("光谷大道77号" in "光谷大道77号金融港"); else the share of common character pairs,
     * halved when the two share a beginning or an end and differ in between.
     */
    static double addressSimilarity(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        if (a.equals(b)) {
            return 1;
        }
        Set<String> numbersA = AddressNormaliser.numbers(a);
        Set<String> numbersB = AddressNormaliser.numbers(b);
        if (!numbersA.isEmpty() && !numbersB.isEmpty() && Collections.disjoint(numbersA, numbersB)) {
            return 0.1;
        }
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        if (shorter.length() >= 4 && longer.contains(shorter)) {
            return 0.9;
        }
        // one name put in the place of another ("东门" for "西门", "复兴路" for "首义路") is another place
        int prefix = 0;
        while (prefix < shorter.length() && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < shorter.length() - prefix
                && a.charAt(a.length() - 1 - suffix) == b.charAt(b.length() - 1 - suffix)) {
            suffix++;
        }
        return prefix + suffix > 0 ? AddressNormaliser.dice(a, b) * 0.5 : AddressNormaliser.dice(a, b);
    }

    /** The same district, and the same street where both name one (a report without a street is not kept apart). */
    private static boolean samePlaceUnit(Report a, Report b) {
        if (a.districtCode() != null && b.districtCode() != null && !a.districtCode().equals(b.districtCode())) {
            return false;
        }
        return a.streetCode() == null || b.streetCode() == null || a.streetCode().equals(b.streetCode());
    }

    private static int percent(double share) {
        return (int) Math.round(100 * share);
    }

    private static int order(DuplicateReason r) {
        return switch (r.kind()) {
            case SAME_ADDRESS, SIMILAR_ADDRESS -> 0;
            case DISTANCE -> 1;
            case SIMILAR_DESCRIPTION -> 2;
            case SAME_ITEM, SAME_CATEGORY -> 3;
        };
    }
}
