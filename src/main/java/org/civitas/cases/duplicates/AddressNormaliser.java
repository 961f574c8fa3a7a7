package org.civitas.cases.duplicates;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings an address, or a description, to the form two callers' words about one place share: full- and half-width
 * made one (NFKC), case, spaces and punctuation dropped, Chinese house numbers written in digits ("八号" → "8号"), and
 * for an address the words that only say "near" ("…公交站旁", "…门口", "…附近") cut off the end. Pure, no Spring.
 */
public final class AddressNormaliser {

    /** Words at the end of an address that place the problem near it rather than name another place. */
    private static final List<String> NEAR_WORDS = List.of("旁边", "旁", "附近", "周边", "周围", "一带", "门口", "门前",
            "对面", "对过", "边上", "这边", "那边", "这里", "那里", "处", "边", "东侧", "西侧", "南侧", "北侧", "一侧",
            "前面", "后面", "的");
    private static final Pattern DROPPED = Pattern.compile("[\\p{P}\\p{S}\\p{Z}\\s]+");
    private static final Pattern CHINESE_NUMBER = Pattern.compile("([〇零一二两三四五六七八九十百千]+)(?=[号栋幢弄楼])");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private AddressNormaliser() {
    }

    /** The address's comparable form; "" for null or blank. */
    public static String address(String address) {
        String s = text(address);
        boolean cut = true;
        while (cut && !s.isEmpty()) {
            cut = false;
            for (String w : NEAR_WORDS) {
                if (s.endsWith(w) && s.length() > w.length()) {
                    s = s.substring(0, s.length() - w.length());
                    cut = true;
                }
            }
        }
        return s;
    }

    /** NFKC, lower case, without spaces and punctuation, Chinese house numbers in digits. */
    static String text(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
        s = DROPPED.matcher(s).replaceAll("");
        Matcher m = CHINESE_NUMBER.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n = chineseNumber(m.group(1));
            m.appendReplacement(out, n < 0 ? m.group(1) : Integer.toString(n));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The runs of digits in a normalised address: house, building and stop numbers. */
    static Set<String> numbers(String normalised) {
        Set<String> found = new HashSet<>();
        Matcher m = DIGITS.matcher(normalised);
        while (m.find()) {
            found.add(m.group().replaceFirst("^0+(?=\\d)", ""));
        }
        return found;
    }

    /** Character pairs of a normalised text (a single character is its own pair). */
    static Set<String> bigrams(String normalised) {
        Set<String> grams = new HashSet<>();
        if (normalised.length() == 1) {
            grams.add(normalised);
        }
        for (int i = 0; i + 1 < normalised.length(); i++) {
            grams.add(normalised.substring(i, i + 2));
        }
        return grams;
    }

    /** Jaccard index of two texts' character pairs, 0 when either is empty. */
    static double jaccard(String a, String b) {
        Set<String> x = bigrams(a);
        Set<String> y = bigrams(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        return (double) both.size() / (x.size() + y.size() - both.size());
    }

    /** Dice coefficient of two texts' character pairs: kinder than Jaccard to short strings like addresses. */
    static double dice(String a, String b) {
        Set<String> x = bigrams(a);
        Set<String> y = bigrams(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        List<String> both = new ArrayList<>(x);
        both.retainAll(y);
        return 2.0 * both.size() / (x.size() + y.size());
    }

    /** "十八" → 18, "一百零八" → 108, "二〇八" → 208; -1 when it is no number a house would have. */
    static int chineseNumber(String s) {
        String digits = "〇一二三四五六七八九";
        if (s.chars().noneMatch(c -> c == '十' || c == '百' || c == '千')) {
            StringBuilder b = new StringBuilder();
            for (char c : s.toCharArray()) {
                int d = c == '零' ? 0 : c == '两' ? 2 : digits.indexOf(c);
                if (d < 0) {
                    return -1;
                }
                b.append(d);
            }
            return b.length() > 6 ? -1 : Integer.parseInt(b.toString());
        }
        int total = 0;
        int current = 0;
        for (char c : s.toCharArray()) {
            int d = c == '零' || c == '〇' ? 0 : c == '两' ? 2 : digits.indexOf(c);
            if (d >= 0) {
                current = d;
            } else {
                int unit = c == '十' ? 10 : c == '百' ? 100 : 1000;
                total += (current == 0 && unit == 10 ? 1 : current) * unit;
                current = 0;
            }
        }
        return total + current;
    }
}
