package org.civitas.supervision;

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

/** A reminder or supervision order on one case, addressed to the unit leading it. */
@Entity
@Table(name = "supervision_order")
class SupervisionOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long caseId;
    private String caseNumber;
    private String unitCode;
    @Enumerated(EnumType.STRING)
    private SupervisionLevel level;
    private String reason;
    private String issuedBy;
    private LocalDateTime issuedAt;
    private LocalDateTime dueAt;
    private LocalDateTime caseDueAt;
    private boolean auto;
    @Enumerated(EnumType.STRING)
    private OrderState state;
    private String answer;
    private String answeredBy;
    private LocalDateTime answeredAt;
    private String closedBy;
    private LocalDateTime closedAt;
    private String closeNote;
    @Version
    private long version;

    protected SupervisionOrder() {
    }

    SupervisionOrder(long caseId, String caseNumber, String unitCode, SupervisionLevel level, String reason,
                     String issuedBy, LocalDateTime issuedAt, LocalDateTime dueAt, LocalDateTime caseDueAt) {
        this.caseId = caseId;
        this.caseNumber = caseNumber;
        this.unitCode = unitCode;
        this.level = level;
        this.reason = reason;
        this.issuedBy = issuedBy;
        this.issuedAt = issuedAt;
        this.dueAt = dueAt;
        this.caseDueAt = caseDueAt;
        this.state = OrderState.OPEN;
    }

    void answer(String text, String actor, LocalDateTime now) {
        if (state != OrderState.OPEN) {
            throw new RuleViolation("supervision.error.notOpen", caseNumber);
        }
        this.answer = text;
        this.answeredBy = actor;
        this.answeredAt = now;
        this.state = OrderState.ANSWERED;
    }

    void close(String note, String actor, LocalDateTime now) {
        if (state == OrderState.CLOSED) {
            throw new RuleViolation("supervision.error.closed", caseNumber);
        }
        this.closeNote = note;
        this.closedBy = actor;
        this.closedAt = now;
        this.state = OrderState.CLOSED;
    }

    OrderRow toRow() {
        return new OrderRow(id, caseId, caseNumber, unitCode, level, reason, issuedBy, issuedAt, dueAt, auto, state,
                answer, answeredBy, answeredAt, closedBy, closedAt, closeNote, version);
    }

    Long getId() { return id; }
    Long getCaseId() { return caseId; }
    String getCaseNumber() { return caseNumber; }
    String getUnitCode() { return unitCode; }
    SupervisionLevel getLevel() { return level; }
    String getIssuedBy() { return issuedBy; }
    LocalDateTime getDueAt() { return dueAt; }
    long getVersion() { return version; }
}
