package org.civitas.cases;

import java.time.LocalDateTime;

/**
 * A change to a case written before, published when it is saved. Views that show cases (the board, the inbox)
 * refresh on it after the transaction commits. It carries what the listeners in the case's transaction need (the
 * day for the daily aggregates, the filing channel for status callbacks), so they need not read the case again.
 * A new case is never announced by this event alone, however it came in: {@link CasesFiled} announces it, with each
 * new case as a {@code CaseChanged} whose {@code created} is true (docs/decisions/DD049-one-intake-path.md). A
 * listener that keeps something per case listens to both.
 */
public record CaseChanged(long caseId, String number, CaseStatus status, String leadUnitCode,
                          LocalDateTime receivedAt, Channel channel, String channelRef, String createdBy,
                          boolean created) {
}
