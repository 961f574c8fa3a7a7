package org.civitas.classify;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The features of a complaint text (DD050): character 1–3-grams of each run of letters and digits, and the words of
 * two characters or more that Lucene's SmartCN segmenter finds, marked {@code w:}. Full-width forms are folded (NFKC)
 * and Latin letters lower-cased, so "ＡＢＣ" and "abc" are one feature; runs of digits alone (house numbers) are left
 * out, they name no problem.
 */
final class Features {

    static final String WORD = "w:";
    static final int MAX_GRAM = 3;
    /** Reused by every thread: Lucene's analyzers keep one token stream per thread. */
    private static final Analyzer SMARTCN = new SmartChineseAnalyzer();

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
        words(s, out);
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

    private static void words(String s, List<String> out) {
        if (s.isBlank()) {
            return;
        }
        try (TokenStream ts = SMARTCN.tokenStream("t", new StringReader(s))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String w = term.toString();
                if (w.codePointCount(0, w.length()) >= 2 && w.codePoints().anyMatch(Character::isLetter)) {
                    out.add(WORD + w);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a person reads for a feature: the word or the characters, without the marker. */
    static String display(String feature) {
        return feature.startsWith(WORD) ? feature.substring(WORD.length()) : feature;
    }
}
