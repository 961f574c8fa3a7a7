package org.civitas.supervision;

import java.time.LocalDateTime;

/**
 * The deadline sweep saw the case enter its warning window (80 % of the time used; emergency: 30 minutes left).
 * Published once per case and deadline, inside the sweep's transaction.
 */
public record CaseWarned(long caseId, String caseNumber, String unitCode, LocalDateTime handleDueAt) {
}
