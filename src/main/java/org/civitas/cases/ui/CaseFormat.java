package org.civitas.cases.ui;

import com.vaadin.flow.component.UI;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** How the case view writes times, durations, yes/no and enum labels, in the user's language. */
final class CaseFormat {

    static final String NONE = "—";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private CaseFormat() {
    }

    static String time(LocalDateTime t) {
        return t == null ? NONE : TIME.format(t);
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
