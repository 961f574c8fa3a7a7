package org.civitas.inspection;

/** A finding is open until a re-inspection passes it; a failed one stays open with a new deadline. */
public enum FindingState {
    OPEN, PASSED, FAILED
}
