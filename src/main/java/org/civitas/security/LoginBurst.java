package org.civitas.security;

/**
 * Many failed logins in a row, with no pause between them, for one account (from any addresses) or from one client
 * address (for any accounts). Published once per burst, in the transaction that counted the failure.
 *
 * @param account  the login name tried (as typed, lower case), or null for an address's burst
 * @param address  the client address (an IPv6 one as its /64), or null for an account's burst
 * @param failures the failures counted so far in the burst
 */
public record LoginBurst(String account, String address, int failures) {
}
