package org.civitas.cases.lifecycle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * The case's tracking code (查询码): six random characters that only the complainant is given (the public form's
 * done page, the operator's read-back, the channel's answer, the SMS). It replaces the last four digits of the
 * phone, which have 10,000 values and are known to neighbours and family: 31^6 is about 887 million. The alphabet
 * leaves out 0/O, 1/I/L, which are misread on the phone and on paper.
 */
public final class TrackingCode {

    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int LENGTH = 6;

    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingCode() {
    }

    /** A new code, each character drawn uniformly from {@link #ALPHABET}. */
    public static String random() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /** What was typed, folded as {@link CaseNumber} folds numbers: full-width, lower case and spaces do not matter. */
    public static String canonical(String typed) {
        return CaseNumber.fold(typed);
    }

    /** Whether the typed code (already {@link #canonical}) is the case's, in time that does not depend on where they differ. */
    static boolean matches(String stored, String typed) {
        return stored != null && typed != null && MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
                typed.getBytes(StandardCharsets.US_ASCII));
    }
}
