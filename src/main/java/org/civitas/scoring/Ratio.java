package org.civitas.scoring;

/**
 * A rate as its two counts, so a bulletin shows (and freezes) what it was computed from. A rate with nothing to
 * count (no case signed, rated…) scores full marks: a unit is not punished for what it was never asked to do.
 */
public record Ratio(long part, long whole) {

    public double value() {
        return whole == 0 ? 1.0 : (double) part / whole;
    }

    public boolean empty() {
        return whole == 0;
    }

    /** As shown: "85.0%" or "—". */
    public String percent() {
        return whole == 0 ? "—" : String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }
}
