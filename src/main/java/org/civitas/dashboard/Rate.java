package org.civitas.dashboard;

import java.util.OptionalDouble;

/** A rate as its two counts, so a view can show "—" for nothing to rate and a test can check the exact figures. */
public record Rate(long numerator, long denominator) {

    public OptionalDouble value() {
        return denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) numerator / denominator);
    }
}
