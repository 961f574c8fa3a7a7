package org.civitas.cases.intake;

import java.util.regex.Pattern;

/**
 * Which phone numbers a report accepts: mainland mobiles and landlines with area code (027-85551234, 02785551234).
 * One rule for the service's check and every form (operator and public), so a field says what the service would.
 */
public final class PhoneNumbers {

    static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");

    private PhoneNumbers() {
    }

    /** Numbers are read out and typed in groups ("138 1234 5678"); the spaces are not part of the number. */
    public static String normalize(String phone) {
        return phone == null ? "" : phone.replaceAll("\\s", "");
    }

    /** Whether the number, as stored (no spaces), is one we accept. */
    public static boolean valid(String phone) {
        return phone != null && (MOBILE.matcher(phone).matches() || LANDLINE.matcher(phone).matches());
    }
}
