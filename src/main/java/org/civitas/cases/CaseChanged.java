package org.civitas.cases;

/**
 * Any change to a case, published when it is saved. Views that show cases (the board, the inbox) refresh on it
 * after the transaction commits.
 */
public record CaseChanged(long caseId, String number, CaseStatus status, String leadUnitCode) {
}
