package org.civitas.classify;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The features of a complaint text (DD050): the character 1–3-grams of each run of letters and digits. Full-width
 * forms are folded (NFKC) and Latin letters lower-cased, so "ＡＢＣ" and "abc" are one feature; grams of digits alone
 * (house numbers) are left out, they name no problem. Words found by a segmenter (SmartCN) were features in the first
 * version; they did not change the evaluation's figures and cost twenty times the time (docs/benchmarks.md).
 */
final class Features {

    static final int MAX_GRAM = 3;

    private Features() {
    }

    static String normalise(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** Every feature of the text, with repeats (a multinomial model counts them). */
    static List<String> of(String text) {
        String s = normalise(text);
        List<String> out = new ArrayList<>();
        grams(s, out);
        return out;
    }

    private static void grams(String s, List<String> out) {
        int[] cps = s.codePoints().toArray();
        int start = 0;
        while (start < cps.length) {
            while (start < cps.length && !Character.isLetterOrDigit(cps[start])) {
                start++;
            }
            int end = start;
            while (end < cps.length && Character.isLetterOrDigit(cps[end])) {
                end++;
            }
            for (int i = start; i < end; i++) {
                for (int n = 1; n <= MAX_GRAM && i + n <= end; n++) {
                    if (!allDigits(cps, i, i + n)) {
                        out.add(new String(cps, i, n));
                    }
                }
            }
            start = end;
        }
    }

    private static boolean allDigits(int[] cps, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(cps[i])) {
                return false;
            }
        }
        return true;
    }
}
