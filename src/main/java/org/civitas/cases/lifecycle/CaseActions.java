package org.civitas.cases.lifecycle;

import java.util.Set;
import org.civitas.cases.CaseAction;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.RequestKind;

/** Which buttons a user gets on a case: what {@link CasePolicy} allows them on it now. */
final class CaseActions {

    private CaseActions() {
    }

    static Set<CaseAction> allowed(CaseDetails c, CaseAccess access, Set<RequestKind> pendingRequests) {
        return CasePolicy.allowed(access.policyActor(), CasePolicy.Subject.of(c, pendingRequests));
    }
}
