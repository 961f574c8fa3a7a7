package org.civitas.supervision.ui;

import com.vaadin.flow.component.Component;
import java.time.Duration;
import java.time.LocalDateTime;

/** "剩 1 小时 20 分" before a deadline, "超 2 天 3 小时" after it, in the user's language. */
final class Countdown {

    private Countdown() {
    }

    static String text(Component c, LocalDateTime due, LocalDateTime now) {
        Duration d = Duration.between(now, due);
        boolean over = d.isNegative();
        Duration abs = d.abs();
        String prefix = over ? "board.over." : "board.left.";
        if (abs.toDays() > 0) {
            return c.getTranslation(prefix + "days", abs.toDays(), abs.toHoursPart());
        }
        if (abs.toHours() > 0) {
            return c.getTranslation(prefix + "hours", abs.toHours(), abs.toMinutesPart());
        }
        return c.getTranslation(prefix + "minutes", Math.max(abs.toMinutes(), over ? 1 : 0));
    }
}
