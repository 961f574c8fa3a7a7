package org.civitas.cases;

/**
 * The city office accepted the unit's reply; the complainant (if not anonymous) may now be told and asked to rate.
 * Published inside the accepting transaction. The phone number and the tracking code (null on cases registered
 * before codes existed) never leave the server but in the SMS to the complainant.
 */
public record CaseReplyAccepted(long caseId, String number, String complainantPhone, String trackingCode) {
}
