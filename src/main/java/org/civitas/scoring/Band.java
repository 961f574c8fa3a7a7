package org.civitas.scoring;

/** Satisfaction bands (DESIGN §5): good at or above the upper bound, failing below the lower; NONE when nobody rated. */
public enum Band {
    GOOD, NORMAL, FAILING, NONE;

    public String labelKey() {
        return "scoring.band." + name();
    }
}
