package org.civitas.analysis;

/**
 * The counts behind the rates of a set of cases (docs/design.md §7): sign on time ÷ signed; replied on time ÷ (replied +
 * still open and overdue at the period's end); (satisfied + basically satisfied) ÷ rated (not-rated left out);
 * solved ÷ cases with a solved answer.
 */
public record Rates(long received, long signKnown, long signedOnTime, long replied, long repliedOnTime,
                    long openOverdue, long rated, long satisfied, long solvedKnown, long solved) {

    public Double signRate() { return ratio(signedOnTime, signKnown); }

    public Double onTimeRate() { return ratio(repliedOnTime, replied + openOverdue); }

    public Double satisfactionRate() { return ratio(satisfied, rated); }

    public Double solvedRate() { return ratio(solved, solvedKnown); }

    /** A fraction, or null when nothing was counted. */
    static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
