package org.civitas.classify;

import java.util.List;

/**
 * How the classifier does in service over the last {@code days} days (DD051), from the suggestions recorded beside
 * the items persons chose: top-1 accuracy overall and per category, the pairs it confuses most, the cases it
 * dispatched alone and how many of them a unit asked to return, and what the threshold would have meant.
 */
public record ClassifierFigures(int days, long judged, long top1Right, List<CategoryAccuracy> categories,
                                List<ConfusedPair> confused, long autoDispatched, long autoReturned,
                                WhatIf whatIf) {

    /** The figures' period: the last 30 days, a month's worth of cases. */
    public static final int DAYS = 30;

    /** Top-1 accuracy in one category (of the item persons chose). */
    public record CategoryAccuracy(String categoryName, long judged, long right) {
    }

    /** The classifier's first item and the item a person chose instead, how often. */
    public record ConfusedPair(String suggestedName, String chosenName, long count) {
    }

    /**
     * The reports persons classified in the period that the threshold (and the place threshold and the urgency rule)
     * would have let the system dispatch ({@code covered} of {@code judged}), and how many of those it had right.
     */
    public record WhatIf(double threshold, double placeThreshold, long judged, long covered, long right) {
    }
}
