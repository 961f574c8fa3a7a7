package org.civitas.dashboard.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.text.NumberFormat;
import java.util.Locale;
import org.civitas.dashboard.Rate;

/** Number cards in columns of equal width that wrap on narrow screens, and the locale's way of writing figures. */
class Figures extends Div {

    Figures(String id) {
        setId(id);
        addClassNames(LumoUtility.Display.GRID, LumoUtility.Gap.MEDIUM);
        getStyle().set("grid-template-columns", "repeat(auto-fit, minmax(9em, 1fr))");
        setWidthFull();
    }

    static String count(long n, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    /** 93.8 %; a dash when there is nothing to rate yet. */
    static String percent(Rate rate, Locale locale) {
        if (rate.value().isEmpty()) {
            return "—";
        }
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        f.setMaximumFractionDigits(1);
        f.setMinimumFractionDigits(1);
        return f.format(rate.value().getAsDouble());
    }
}
