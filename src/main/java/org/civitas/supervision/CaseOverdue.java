package org.civitas.supervision;

import java.time.LocalDateTime;

/**
 * The deadline sweep saw the case pass its handling deadline and issued the automatic reminder (催办)
 * {@code reminderId}. Published once per case and deadline, inside the sweep's transaction.
 */
public record CaseOverdue(long caseId, String caseNumber, String unitCode, LocalDateTime handleDueAt,
                          long reminderId) {
}
