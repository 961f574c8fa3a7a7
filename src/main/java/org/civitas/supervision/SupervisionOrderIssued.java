package org.civitas.supervision;

import java.time.LocalDateTime;

/**
 * A reminder or supervision order went to a unit, by a supervisor or automatically ({@code auto}, issued by the
 * sweep). Published inside the transaction that wrote it. The sweep's automatic reminders are announced by
 * {@link CaseOverdue} instead, so a unit is told once per overdue case.
 */
public record SupervisionOrderIssued(long orderId, long caseId, String caseNumber, String unitCode,
                                     SupervisionLevel level, boolean auto, LocalDateTime dueAt) {
}
