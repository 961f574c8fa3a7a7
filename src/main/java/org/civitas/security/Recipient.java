package org.civitas.security;

/** Someone a notification can reach: the user name for the bell, the e-mail address if the user has one. */
public record Recipient(String username, String displayName, String email) {
}
