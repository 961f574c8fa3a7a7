package org.civitas.security;

/** What the enrolment page shows: the secret for typing in, and the URI an authenticator app reads. */
public record TotpEnrolment(String secretBase32, String otpauthUri) {
}
