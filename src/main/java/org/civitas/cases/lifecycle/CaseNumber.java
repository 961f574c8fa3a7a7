package org.civitas.cases.lifecycle;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.civitas.cases.intake.CaseNumbers;

/**
 * A case number as a citizen may type it, brought to the one form the database holds ({@link CaseNumbers}: {@code WM},
 * the day, a sequence of at least four digits). Full-width digits, lower case, spaces of any kind, zero-width
 * characters and dashes all fold to that form, so the lock on wrong codes, the lookup and the rating count the same
 * number however it was spelled; the database's collation would otherwise match spellings the lock told apart.
 */
public final class CaseNumber {

    /** {@code WM} + yyyyMMdd + 4 to 14 digits: what {@link CaseNumbers} makes, within the 24 characters of the column. */
    static final Pattern PATTERN = Pattern.compile("WM[0-9]{8}[0-9]{4,14}");
    /** Longer input is no case number whatever it holds; it is not worth normalising. */
    private static final int MAX_TYPED = 200;

    private CaseNumber() {
    }

    /** The number in the database's form, or empty when what was typed is no case number. */
    public static Optional<String> canonical(String typed) {
        String n = fold(typed);
        return PATTERN.matcher(n).matches() ? Optional.of(n) : Optional.empty();
    }

    /** NFKC (full-width to ASCII), upper case, and only the letters A–Z and digits 0–9 kept. */
    static String fold(String typed) {
        if (typed == null || typed.length() > MAX_TYPED) {
            return "";
        }
        String s = Normalizer.normalize(typed, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        StringBuilder kept = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
                kept.append(c);
            }
        }
        return kept.toString();
    }
}
