package org.civitas.cases;

public enum ReplyOutcome {
    RESOLVED, EXPLAINED, NOT_SOLVABLE_NOW
}
