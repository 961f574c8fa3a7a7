package org.civitas.cases;

import static org.civitas.cases.CaseStatus.CLOSED;
import static org.civitas.cases.CaseStatus.DISPATCHED;
import static org.civitas.cases.CaseStatus.INVALID;
import static org.civitas.cases.CaseStatus.IN_PROGRESS;
import static org.civitas.cases.CaseStatus.MERGED;
import static org.civitas.cases.CaseStatus.REGISTERED;
import static org.civitas.cases.CaseStatus.REPLIED;
import static org.civitas.cases.CaseStatus.RETURN_REQUESTED;

import java.util.EnumSet;
import java.util.Set;

/**
 * The one table of allowed moves: each action names the states it may start from and the state it leads to
 * ({@code null}: the state does not change, e.g. extension requests and supervision records).
 */
public enum CaseAction {
    REGISTER(EnumSet.noneOf(CaseStatus.class), REGISTERED),
    DISPATCH(EnumSet.of(REGISTERED), DISPATCHED),
    REDISPATCH(EnumSet.of(DISPATCHED, IN_PROGRESS), DISPATCHED),
    SIGN(EnumSet.of(DISPATCHED), IN_PROGRESS),
    SUB_DISPATCH(EnumSet.of(IN_PROGRESS), null),
    REPLY(EnumSet.of(IN_PROGRESS), REPLIED),
    ACCEPT_REPLY(EnumSet.of(REPLIED), null),
    SEND_BACK(EnumSet.of(REPLIED), IN_PROGRESS),
    REQUEST_RETURN(EnumSet.of(DISPATCHED, IN_PROGRESS), RETURN_REQUESTED),
    APPROVE_RETURN(EnumSet.of(RETURN_REQUESTED), DISPATCHED),
    REJECT_RETURN(EnumSet.of(RETURN_REQUESTED), IN_PROGRESS),
    REQUEST_EXTENSION(EnumSet.of(DISPATCHED, IN_PROGRESS), null),
    APPROVE_EXTENSION(EnumSet.of(DISPATCHED, IN_PROGRESS, RETURN_REQUESTED), null),
    REJECT_EXTENSION(EnumSet.of(DISPATCHED, IN_PROGRESS, RETURN_REQUESTED), null),
    RATE(EnumSet.of(REPLIED), null),
    REOPEN(EnumSet.of(REPLIED), DISPATCHED),
    CLOSE(EnumSet.of(REPLIED), CLOSED),
    CLOSE_NOT_RATED(EnumSet.of(REPLIED), CLOSED),
    MERGE(EnumSet.of(REGISTERED, DISPATCHED, IN_PROGRESS), MERGED),
    INVALIDATE(EnumSet.of(REGISTERED, DISPATCHED, IN_PROGRESS, RETURN_REQUESTED), INVALID),
    // supervision records (催办, 督办 and the unit's answer): kept in the history, the state does not change
    REMIND(EnumSet.of(DISPATCHED, IN_PROGRESS, RETURN_REQUESTED), null),
    SUPERVISE(EnumSet.of(DISPATCHED, IN_PROGRESS, RETURN_REQUESTED, REPLIED), null),
    ANSWER_SUPERVISION(EnumSet.of(DISPATCHED, IN_PROGRESS, RETURN_REQUESTED, REPLIED), null);

    private final Set<CaseStatus> from;
    private final CaseStatus to;

    CaseAction(Set<CaseStatus> from, CaseStatus to) {
        this.from = from;
        this.to = to;
    }

    public boolean allowedFrom(CaseStatus status) {
        return from.contains(status);
    }

    /** The state after the action taken from {@code status}. */
    public CaseStatus target(CaseStatus status) {
        return to == null ? status : to;
    }

    public Set<CaseStatus> from() {
        return EnumSet.copyOf(from.isEmpty() ? EnumSet.noneOf(CaseStatus.class) : from);
    }

    public String labelKey() {
        return "CaseAction." + name();
    }
}
