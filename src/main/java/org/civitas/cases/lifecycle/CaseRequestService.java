package org.civitas.cases.lifecycle;

import static org.civitas.cases.lifecycle.CaseService.CITY;
import static org.civitas.cases.lifecycle.CaseService.CLERK;
import static org.civitas.cases.lifecycle.CaseService.SUPERVISOR;
import static org.civitas.cases.lifecycle.CaseSteps.requireNote;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.civitas.base.RuleViolation;
import org.civitas.cases.CaseAction;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.CaseRef;
import org.civitas.cases.RequestKind;
import org.civitas.cases.RequestState;
import org.civitas.cases.RequestView;
import org.civitas.dispatch.Assignment;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A unit's requests on a case it handles, to return it (退回) or to extend its deadline (延期), and the supervisor's
 * decision on each. Like {@link CaseService}: the case the user saw, one transition, saved with its history and the
 * request row in one transaction.
 */
@Service
public class CaseRequestService {

    private final CaseSteps steps;
    private final CaseRequestRepository requests;
    private final CaseAccess access;

    CaseRequestService(CaseSteps steps, CaseRequestRepository requests, CaseAccess access) {
        this.steps = steps;
        this.requests = requests;
        this.access = access;
    }

    // --- the unit asks -----------------------------------------------------------------------------------------

    @PreAuthorize(CLERK)
    @Transactional
    public CaseDetails requestReturn(CaseRef ref, String reason, String legalBasis) {
        CaseFile c = steps.loadFor(ref, CaseAction.REQUEST_RETURN);
        LocalDateTime now = steps.now();
        c.requestReturn(access.actor(), now, reason);
        requests.save(new CaseRequest(c.getId(), RequestKind.RETURN, c.getLeadUnitCode(), reason, legalBasis, null,
                access.actor(), now));
        return steps.save(c);
    }

    @PreAuthorize(CLERK)
    @Transactional
    public CaseDetails requestExtension(CaseRef ref, String reason, LocalDateTime newDue) {
        CaseFile c = steps.loadFor(ref, CaseAction.REQUEST_EXTENSION);
        if (newDue == null || !newDue.isAfter(c.getHandleDueAt())) {
            throw new RuleViolation("case.error.extensionNotLater");
        }
        if (requests.existsByCaseIdAndKindAndState(c.getId(), RequestKind.EXTENSION, RequestState.PENDING)) {
            throw new RuleViolation("case.error.extensionPending");
        }
        LocalDateTime now = steps.now();
        c.recordRequest(CaseAction.REQUEST_EXTENSION, access.actor(), now, requireNote(reason));
        requests.save(new CaseRequest(c.getId(), RequestKind.EXTENSION, c.getLeadUnitCode(), reason, null, newDue,
                access.actor(), now));
        return steps.save(c);
    }

    // --- the supervisor decides -------------------------------------------------------------------------------

    /** Approve: the case goes to the chosen unit with a fresh deadline. Reject: back to the unit, in progress. */
    @PreAuthorize(SUPERVISOR)
    @Transactional
    public CaseDetails decideReturn(CaseRef ref, long requestId, boolean approve, String targetUnit, String note) {
        CaseFile c = steps.load(ref);
        CaseRequest r = pendingRequest(c, requestId, RequestKind.RETURN);
        LocalDateTime now = steps.now();
        if (approve) {
            steps.requireUnit(targetUnit);
            if (targetUnit.equals(c.getLeadUnitCode())) {
                throw new RuleViolation("case.error.sameUnit");
            }
            steps.require(c, CaseAction.APPROVE_RETURN, pendingKinds(c));
            r.decide(true, access.actor(), now, note, targetUnit);
            steps.assign(c, CaseAction.APPROVE_RETURN, steps.itemOf(c), new Assignment(targetUnit, Set.of()), now,
                    note);
        } else {
            String reason = requireNote(note);
            steps.require(c, CaseAction.REJECT_RETURN, pendingKinds(c));
            r.decide(false, access.actor(), now, reason, null);
            c.rejectReturn(access.actor(), now, note);
            steps.decided(c, CaseAction.REJECT_RETURN, note);
        }
        requests.save(r);
        return steps.save(c);
    }

    @PreAuthorize(SUPERVISOR)
    @Transactional
    public CaseDetails decideExtension(CaseRef ref, long requestId, boolean approve, String note) {
        CaseFile c = steps.load(ref);
        CaseRequest r = pendingRequest(c, requestId, RequestKind.EXTENSION);
        steps.require(c, approve ? CaseAction.APPROVE_EXTENSION : CaseAction.REJECT_EXTENSION, pendingKinds(c));
        LocalDateTime now = steps.now();
        r.decide(approve, access.actor(), now, note, null);
        c.recordRequest(approve ? CaseAction.APPROVE_EXTENSION : CaseAction.REJECT_EXTENSION, access.actor(), now,
                note);
        if (approve) {
            boolean emergency = "EMERGENCY".equals(c.getUrgency());
            c.extendTo(r.getRequestedDue(), steps.calculator().warnAt(c.getDispatchedAt(), r.getRequestedDue(),
                    steps.itemOf(c).timeUnit(), emergency));
        }
        steps.decided(c, approve ? CaseAction.APPROVE_EXTENSION : CaseAction.REJECT_EXTENSION, note);
        requests.save(r);
        return steps.save(c);
    }

    /** The case's return and extension requests, oldest first; scoped like the case. */
    @PreAuthorize(CITY)
    @Transactional(readOnly = true)
    public List<RequestView> requests(long id) {
        steps.read(id);
        return requests.findByCaseIdOrderByIdAsc(id).stream().map(CaseRequest::toView).toList();
    }

    private Set<RequestKind> pendingKinds(CaseFile c) {
        return requests.pendingKinds(c.getId());
    }

    private CaseRequest pendingRequest(CaseFile c, long requestId, RequestKind kind) {
        CaseRequest r = requests.findById(requestId).orElseThrow(() -> new RuleViolation("error.notFound"));
        if (!r.getCaseId().equals(c.getId()) || r.getKind() != kind) {
            throw new RuleViolation("error.notFound");
        }
        return r;
    }
}
