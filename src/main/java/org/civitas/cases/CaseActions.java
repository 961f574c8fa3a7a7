package org.civitas.cases;

import java.util.Set;

/** Which buttons a user gets on a case: what {@link CasePolicy} allows them on it now. */
final class CaseActions {

    private CaseActions() {
    }

    static Set<CaseAction> allowed(CaseDetails c, CaseAccess access, Set<RequestKind> pendingRequests) {
        return CasePolicy.allowed(access.policyActor(), CasePolicy.Subject.of(c, pendingRequests));
    }
}
