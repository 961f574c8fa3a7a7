package org.civitas.cases;

import java.util.EnumSet;
import java.util.Set;

/** The states of docs/design.md §4, stored by name. */
public enum CaseStatus {
    REGISTERED, DISPATCHED, IN_PROGRESS, RETURN_REQUESTED, REPLIED, CLOSED, INVALID, MERGED;

    /** Open cases count against their unit's deadline: everything a unit still owes an answer on. */
    public static final Set<CaseStatus> AWAITING_UNIT = EnumSet.of(DISPATCHED, IN_PROGRESS, RETURN_REQUESTED);
    public static final Set<CaseStatus> FINAL = EnumSet.of(CLOSED, INVALID, MERGED);

    public boolean isFinal() {
        return FINAL.contains(this);
    }

    public String labelKey() {
        return "CaseStatus." + name();
    }
}
