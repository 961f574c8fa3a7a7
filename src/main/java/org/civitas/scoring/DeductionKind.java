package org.civitas.scoring;

/** The facts that cost a unit points, each priced per fact by the month's {@link ScoringRules}. */
public enum DeductionKind {
    SUPERVISION_ORDER, REOPEN, OVERDUE_EMERGENCY, RECTIFICATION_NOT_MET, RETURN_REJECTED;

    public String labelKey() {
        return "scoring.kind." + name();
    }
}
