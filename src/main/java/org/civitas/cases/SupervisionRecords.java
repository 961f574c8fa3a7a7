package org.civitas.cases;

import org.civitas.base.RuleViolation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The supervision feature's rows in a case's history: reminders, supervision orders and the units' answers. */
@Service
public class SupervisionRecords {

    private final CaseRepository cases;
    private final CaseStore store;
    private final CaseAccess access;
    private final CaseSteps steps;

    SupervisionRecords(CaseRepository cases, CaseStore store, CaseAccess access, CaseSteps steps) {
        this.cases = cases;
        this.store = store;
        this.access = access;
        this.steps = steps;
    }

    /**
     * Appends a supervision record to the case's history in the caller's transaction: a reminder or supervision
     * order issued by a supervisor ({@code REMIND}, {@code SUPERVISE}), or a unit's answer to one
     * ({@code ANSWER_SUPERVISION}, by a clerk of a unit the case concerns). The state does not change; the case
     * table refuses it on a finished case. The deadline sweep writes its own rows in bulk.
     */
    @PreAuthorize("hasAnyRole('SUPERVISOR','UNIT_CLERK')")
    @Transactional
    public void recordSupervision(long caseId, CaseAction action, String note) {
        CaseFile c = cases.findForUpdate(caseId).orElseThrow(() -> new RuleViolation("error.notFound"));
        access.checkRead(c);
        if (action != CaseAction.REMIND && action != CaseAction.SUPERVISE
                && action != CaseAction.ANSWER_SUPERVISION) {
            throw new IllegalArgumentException("not a supervision record: " + action);
        }
        // a supervisor reminds and supervises; a clerk of a unit the case concerns answers
        CasePolicy.require(access.policyActor(), CasePolicy.Subject.of(c), action);
        c.recordRequest(action, access.actor(), steps.now(), note);
        store.save(c);
    }
}
