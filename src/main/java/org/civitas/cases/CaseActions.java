package org.civitas.cases;

import java.util.EnumSet;
import java.util.Set;
import org.civitas.security.AppRoles;

/** Which buttons a user gets on a case: the role's actions, filtered by the transition table. */
final class CaseActions {

    static final Set<CaseAction> SUPERVISOR = EnumSet.of(CaseAction.DISPATCH, CaseAction.REDISPATCH,
            CaseAction.ACCEPT_REPLY, CaseAction.SEND_BACK, CaseAction.APPROVE_RETURN, CaseAction.REJECT_RETURN,
            CaseAction.APPROVE_EXTENSION, CaseAction.REJECT_EXTENSION, CaseAction.RATE, CaseAction.REOPEN,
            CaseAction.CLOSE, CaseAction.MERGE, CaseAction.INVALIDATE);
    static final Set<CaseAction> OPERATOR = EnumSet.of(CaseAction.RATE);
    static final Set<CaseAction> CLERK = EnumSet.of(CaseAction.SIGN, CaseAction.SUB_DISPATCH, CaseAction.REPLY,
            CaseAction.REQUEST_RETURN, CaseAction.REQUEST_EXTENSION);

    private CaseActions() {
    }

    static Set<CaseAction> allowed(CaseDetails c, CaseAccess access) {
        Set<CaseAction> result = EnumSet.noneOf(CaseAction.class);
        var user = access;
        if (user.hasRole(AppRoles.SUPERVISOR)) {
            result.addAll(SUPERVISOR);
        }
        if (user.hasRole(AppRoles.OPERATOR)) {
            result.addAll(OPERATOR);
        }
        String unit = access.actorUnit().orElse(null);
        if (user.hasRole(AppRoles.UNIT_CLERK) && unit != null
                && (unit.equals(c.leadUnitCode()) || unit.equals(c.handlingUnitCode()))) {
            result.addAll(CLERK);
            if (unit.equals(c.handlingUnitCode())) {
                result.remove(CaseAction.SUB_DISPATCH);
            }
        }
        result.removeIf(a -> !a.allowedFrom(c.status()));
        if (c.replyAccepted()) {
            result.remove(CaseAction.ACCEPT_REPLY);
        }
        if (c.rating() != null) {
            result.remove(CaseAction.RATE);
        }
        if (c.rating() != Rating.DISSATISFIED) {
            result.remove(CaseAction.REOPEN);
        }
        if (c.listVersionId() == null) {
            result.remove(CaseAction.REDISPATCH);
        }
        return result;
    }
}
