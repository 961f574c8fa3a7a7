package org.civitas.supervision;

import java.time.LocalDateTime;

/** One case the deadline sweep acted on, as its unit is told about it. */
public record SweptCase(long caseId, String caseNumber, String unitCode, LocalDateTime handleDueAt) {
}
