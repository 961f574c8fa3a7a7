package org.civitas.cases;

/** Published in the registering transaction: notifications and channel callbacks listen to it. */
public record CaseRegistered(long caseId, String number, CaseStatus status, String leadUnitCode) {
}
