package org.civitas.scoring;

/** Satisfaction bands (docs/design.md §7): good at or above the upper bound, failing below the lower; NONE when nobody rated. */
public enum Band {
    GOOD, NORMAL, FAILING, NONE;

    public String labelKey() {
        return "scoring.band." + name();
    }
}
