package org.civitas.supervision;

import java.time.LocalDateTime;

/** One supervision order as the list, the case panel and the scoring read it. */
public record OrderRow(long id, long caseId, String caseNumber, String unitCode, SupervisionLevel level,
                       String reason, String issuedBy, LocalDateTime issuedAt, LocalDateTime dueAt, boolean auto,
                       OrderState state, String answer, String answeredBy, LocalDateTime answeredAt,
                       String closedBy, LocalDateTime closedAt, String closeNote, long version) {
}
