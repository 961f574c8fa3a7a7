package org.civitas.base;

/**
 * One hot path that a starting node exercises before it reports itself ready (org.civitas.ops.WarmUp): the
 * feature runs its own query or rule once, read-only, as a city-wide supervisor. A step must change nothing.
 */
public interface WarmUpStep {

    /** A short name for the log line that reports the warm-up's timings. */
    String name();

    void run();
}
