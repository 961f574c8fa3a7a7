package org.civitas.cases;

import java.util.List;

/**
 * The order of the inbox. {@link #DEADLINE}: soonest deadline first. {@link #STATE}: a unit's work first, cases
 * to sign for (已派单) before those in hand, each by deadline; only for a filter that keeps to open cases (the
 * positions are then read per state anyway, see {@link CaseQueries#page}), otherwise it is the deadline order.
 */
public enum InboxOrder {
    DEADLINE, STATE;

    /** The states in the order {@link #STATE} shows them; the final states never appear in it. */
    static final List<CaseStatus> STATE_RANK = List.of(CaseStatus.DISPATCHED, CaseStatus.IN_PROGRESS,
            CaseStatus.RETURN_REQUESTED, CaseStatus.REGISTERED, CaseStatus.REPLIED);

    static int rank(CaseStatus s) {
        int i = STATE_RANK.indexOf(s);
        return i < 0 ? STATE_RANK.size() : i;
    }
}
