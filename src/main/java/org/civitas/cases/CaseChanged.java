package org.civitas.cases;

import java.time.LocalDateTime;

/**
 * Any change to a case, published when it is saved. Views that show cases (the board, the inbox) refresh on it
 * after the transaction commits. It carries what the listeners in the case's transaction need (the day for the daily
 * aggregates, the filing channel for status callbacks), so they need not read the case again; {@code created} is
 * true for the save that wrote a new case.
 */
public record CaseChanged(long caseId, String number, CaseStatus status, String leadUnitCode,
                          LocalDateTime receivedAt, Channel channel, String channelRef, String createdBy,
                          boolean created) {
}
