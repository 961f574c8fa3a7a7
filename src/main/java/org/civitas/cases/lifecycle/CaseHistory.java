package org.civitas.cases.lifecycle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.civitas.cases.CaseAction;
import org.civitas.cases.CaseStatus;
import org.civitas.cases.HistoryEntry;
import org.hibernate.annotations.Immutable;

/** One step of a case's life. Written with the change, never edited. */
@Entity
@Immutable
@Table(name = "case_history")
class CaseHistory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id")
    private Long caseId;
    private LocalDateTime at;
    private String actor;
    @Enumerated(EnumType.STRING)
    private CaseAction action;
    @Enumerated(EnumType.STRING)
    private CaseStatus fromStatus;
    @Enumerated(EnumType.STRING)
    private CaseStatus toStatus;
    private String unitCode;
    private String note;
    private boolean internal;

    protected CaseHistory() {
    }

    CaseHistory(Long caseId, LocalDateTime at, String actor, CaseAction action, CaseStatus from, CaseStatus to,
                String unitCode, String note, boolean internal) {
        this.caseId = caseId;
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.fromStatus = from;
        this.toStatus = to;
        this.unitCode = unitCode;
        this.note = note;
        this.internal = internal;
    }

    /** The placeholders of one row's {@link #insertValues()}. */
    static final String VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** The head of a (multi-row) INSERT, up to {@code values}: one {@link #VALUES} follows for each row. */
    static final String INSERT = "insert into case_history (case_id, at, actor, action, from_status, to_status, "
            + "unit_code, note, internal) values ";

    List<Object> insertValues() {
        return Arrays.asList(caseId, at, actor, action.name(), fromStatus == null ? null : fromStatus.name(),
                toStatus == null ? null : toStatus.name(), unitCode, note, internal);
    }

    void attachTo(Long caseId) {
        this.caseId = caseId;
    }

    HistoryEntry toEntry() {
        return new HistoryEntry(id, at, actor, action, fromStatus, toStatus, unitCode, note, internal);
    }
}
