package org.civitas.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How the screen and the PDF write rates ({@code 91.67%}, or a dash when nothing was counted), and how the screen writes
 * counts: with thousands separators ({@code 2,363}), as the home page does.
 */
public final class AnalysisFormat {

    private AnalysisFormat() {
    }

    public static String count(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    public static String percent(Double fraction) {
        if (fraction == null) {
            return "—";
        }
        return BigDecimal.valueOf(fraction * 100).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** A change against the previous period, with its sign: {@code +50.00%}. */
    public static String change(Double fraction) {
        if (fraction == null) {
            return "—";
        }
        return (fraction > 0 ? "+" : "") + percent(fraction);
    }
}
