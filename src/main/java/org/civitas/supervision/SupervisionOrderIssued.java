package org.civitas.supervision;

import java.time.LocalDateTime;

/**
 * A supervisor sent a reminder or supervision order to a unit. Published inside the transaction that wrote it. The
 * sweep's automatic orders are announced in bulk instead: reminders by {@link CasesOverdue}, supervision orders by
 * {@link CasesSupervised}.
 */
public record SupervisionOrderIssued(long orderId, long caseId, String caseNumber, String unitCode,
                                     SupervisionLevel level, LocalDateTime dueAt) {
}
