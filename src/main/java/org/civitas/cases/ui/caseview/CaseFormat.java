package org.civitas.cases.ui.caseview;

import com.vaadin.flow.component.UI;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** How the case view writes times, durations, yes/no and enum labels, in the user's language. */
public final class CaseFormat {

    static final String NONE = "—";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private CaseFormat() {
    }

    static String time(LocalDateTime t) {
        return t == null ? NONE : minute(t);
    }

    /**
     * {@code yyyy-MM-dd HH:mm} written digit by digit: the inbox writes two of these per row on every scroll, and
     * the formatter cost a twentieth of the server's time at 500 sessions (docs/benchmarks.md).
     */
    public static String minute(LocalDateTime t) {
        int year = t.getYear();
        if (year < 1000 || year > 9999) {
            return TIME.format(t);
        }
        char[] c = new char[16];
        digits(c, 0, year / 100);
        digits(c, 2, year % 100);
        c[4] = '-';
        digits(c, 5, t.getMonthValue());
        c[7] = '-';
        digits(c, 8, t.getDayOfMonth());
        c[10] = ' ';
        digits(c, 11, t.getHour());
        c[13] = ':';
        digits(c, 14, t.getMinute());
        return new String(c);
    }

    private static void digits(char[] c, int at, int twoDigits) {
        c[at] = (char) ('0' + twoDigits / 10);
        c[at + 1] = (char) ('0' + twoDigits % 10);
    }

    static String text(String s) {
        return s == null || s.isBlank() ? NONE : s;
    }

    static String yesNo(Boolean b) {
        return b == null ? NONE : translate(b ? "caseview.yes" : "caseview.no");
    }

    /** The label of an enum value: its translation key is {@code SimpleName.VALUE}, e.g. {@code Rating.SATISFIED}. */
    static String label(Enum<?> e) {
        return e == null ? NONE : translate(e.getDeclaringClass().getSimpleName() + "." + e.name());
    }

    /** "剩 3 小时" before the deadline, "超期 2 天" after it: the largest whole unit, at least one minute. */
    static String timeLeft(LocalDateTime due, LocalDateTime now) {
        Duration d = Duration.between(now, due);
        boolean overdue = d.isNegative();
        return translate(overdue ? "caseview.overdueBy" : "caseview.timeLeft", amount(d.abs()));
    }

    static String amount(Duration d) {
        if (d.toDays() >= 1) {
            return translate("caseview.days", String.valueOf(d.toDays()));
        }
        if (d.toHours() >= 1) {
            return translate("caseview.hours", String.valueOf(d.toHours()));
        }
        return translate("caseview.minutes", String.valueOf(Math.max(1, d.toMinutes())));
    }

    static String translate(String key, Object... args) {
        return UI.getCurrent().getTranslation(key, args);
    }
}
