package org.civitas.supervision;

/** A unit answered an order; the supervisor who issued it may want to know. Published inside the transaction. */
public record SupervisionOrderAnswered(long orderId, long caseId, String caseNumber, String unitCode,
                                       String issuedBy, String answeredBy) {
}
