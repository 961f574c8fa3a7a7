package org.civitas.cases;

/**
 * The city office accepted the unit's reply; the complainant (if not anonymous) may now be told and asked to rate.
 * Published inside the accepting transaction. The phone number never leaves the server.
 */
public record CaseReplyAccepted(long caseId, String number, String complainantPhone) {
}
