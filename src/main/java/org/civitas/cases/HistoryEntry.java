package org.civitas.cases;

import java.time.LocalDateTime;

/** A row of a case's timeline. {@code internal} rows are hidden from the public tracking page. */
public record HistoryEntry(Long id, LocalDateTime at, String actor, CaseAction action, CaseStatus from,
                           CaseStatus to, String unitCode, String note, boolean internal) {
}
