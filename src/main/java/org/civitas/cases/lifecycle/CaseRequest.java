package org.civitas.cases.lifecycle;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import org.civitas.base.RuleViolation;
import org.civitas.cases.RequestKind;
import org.civitas.cases.RequestState;
import org.civitas.cases.RequestView;

/** An extension (延期) or return (退单) request: a record of its own with its own approval state. */
@Entity
@Table(name = "case_request")
class CaseRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long caseId;
    @Enumerated(EnumType.STRING)
    private RequestKind kind;
    private String unitCode;
    private String reason;
    private String legalBasis;
    private LocalDateTime requestedDue;
    private String requestedBy;
    private LocalDateTime requestedAt;
    @Enumerated(EnumType.STRING)
    private RequestState state;
    private String decidedBy;
    private LocalDateTime decidedAt;
    private String decisionNote;
    private String targetUnitCode;
    @Version
    private long version;

    protected CaseRequest() {
    }

    CaseRequest(Long caseId, RequestKind kind, String unitCode, String reason, String legalBasis,
                LocalDateTime requestedDue, String requestedBy, LocalDateTime now) {
        this.caseId = caseId;
        this.kind = kind;
        this.unitCode = unitCode;
        this.reason = reason;
        this.legalBasis = legalBasis;
        this.requestedDue = requestedDue;
        this.requestedBy = requestedBy;
        this.requestedAt = now;
        this.state = RequestState.PENDING;
    }

    void decide(boolean approve, String actor, LocalDateTime now, String note, String targetUnitCode) {
        if (state != RequestState.PENDING) {
            throw new RuleViolation("case.error.requestDecided");
        }
        this.state = approve ? RequestState.APPROVED : RequestState.REJECTED;
        this.decidedBy = actor;
        this.decidedAt = now;
        this.decisionNote = note;
        this.targetUnitCode = targetUnitCode;
    }

    RequestView toView() {
        return new RequestView(id, caseId, kind, unitCode, reason, legalBasis, requestedDue, requestedBy,
                requestedAt, state, decidedBy, decidedAt, decisionNote, targetUnitCode);
    }

    Long getId() { return id; }
    Long getCaseId() { return caseId; }
    RequestKind getKind() { return kind; }
    RequestState getState() { return state; }
    LocalDateTime getRequestedDue() { return requestedDue; }
}
