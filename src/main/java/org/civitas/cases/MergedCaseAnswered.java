package org.civitas.cases;

/**
 * The reply on a master case was accepted: a report merged into it is answered with it, and its complainant (if not
 * anonymous) is told as the master's is. Published inside the accepting (or merging) transaction; the phone and the
 * tracking code (null on cases registered before codes existed) never leave the server but in that SMS.
 */
public record MergedCaseAnswered(long caseId, String number, String masterNumber, String complainantPhone,
                                 String trackingCode) {
}
