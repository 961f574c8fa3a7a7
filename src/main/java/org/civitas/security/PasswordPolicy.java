package org.civitas.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * At least 12 characters from at least 3 of the 4 classes (lower case, upper case, digits, others); not one of the
 * common and leaked passwords shipped in {@code security/common-passwords.txt} (compared in lower case, also without
 * the digits and symbols around it and with look-alike digits read as letters, so {@code Password1234} and
 * {@code P@ssw0rd!2026} are refused); and not containing the user's login name or display name, forwards or reversed.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    static final String RESOURCE = "/security/common-passwords.txt";

    private PasswordPolicy() {
    }

    /**
     * @param username    the login name of the account the password is for
     * @param displayName its display name (may be null)
     * @return the translation key of what is wrong, or empty when the password is acceptable
     */
    public static Optional<String> check(String password, String username, String displayName) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("password.tooShort");
        }
        boolean lower = false, upper = false, digit = false, other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (c >= 'a' && c <= 'z') lower = true;
            else if (c >= 'A' && c <= 'Z') upper = true;
            else if (c >= '0' && c <= '9') digit = true;
            else other = true;
        }
        int classes = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
        if (classes < 3) {
            return Optional.of("password.tooSimple");
        }
        if (common(password)) {
            return Optional.of("password.common");
        }
        if (containsName(password, username, displayName)) {
            return Optional.of("password.containsName");
        }
        return Optional.empty();
    }

    /** Whether the password, or its core without leading and trailing digits and symbols, is on the list. */
    static boolean common(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        Set<String> candidates = new LinkedHashSet<>();
        candidates.add(lower);
        candidates.add(stripEnds(lower));
        candidates.add(lower.substring(0, lower.length() - trailing(lower)));
        for (String c : Set.copyOf(candidates)) {
            candidates.add(unleet(c));
            candidates.add(stripEnds(unleet(c)));
        }
        Set<String> list = CommonPasswords.LIST;
        return candidates.stream().anyMatch(c -> !c.isEmpty() && list.contains(c));
    }

    static boolean containsName(String password, String username, String displayName) {
        String lower = password.toLowerCase(Locale.ROOT);
        Set<String> names = new HashSet<>();
        if (username != null && username.trim().length() >= 3) {
            names.add(username.trim().toLowerCase(Locale.ROOT));
        }
        if (displayName != null) {
            String whole = displayName.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
            // Chinese names have two or three characters; a Latin name's parts count from three letters on
            if (whole.length() >= 2) {
                names.add(whole);
            }
            for (String part : displayName.trim().toLowerCase(Locale.ROOT).split("\\s+")) {
                if (part.length() >= 3) {
                    names.add(part);
                }
            }
        }
        return names.stream().anyMatch(n -> lower.contains(n) || lower.contains(new StringBuilder(n).reverse()));
    }

    private static String stripEnds(String s) {
        int from = 0;
        while (from < s.length() && !Character.isLetter(s.charAt(from))) {
            from++;
        }
        return s.substring(from, s.length() - trailing(s.substring(from)));
    }

    private static int trailing(String s) {
        int n = 0;
        while (n < s.length() && !Character.isLetter(s.charAt(s.length() - 1 - n))) {
            n++;
        }
        return n;
    }

    /** Digits and symbols commonly typed for letters: p@ssw0rd is password. */
    private static String unleet(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(switch (c) {
                case '@', '4' -> 'a';
                case '0' -> 'o';
                case '1', '!' -> 'i';
                case '3' -> 'e';
                case '$', '5' -> 's';
                case '7' -> 't';
                default -> c;
            });
        }
        return b.toString();
    }

    /** Loaded on first use (about 49,000 entries, a few MB), then kept. */
    private static final class CommonPasswords {

        static final Set<String> LIST = load();

        private static Set<String> load() {
            try (InputStream in = PasswordPolicy.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the class path");
                }
                Set<String> words = new HashSet<>(65536);
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                        .map(String::trim).filter(w -> !w.isEmpty() && !w.startsWith("#"))
                        .forEach(w -> words.add(w.toLowerCase(Locale.ROOT)));
                return Set.copyOf(words);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
