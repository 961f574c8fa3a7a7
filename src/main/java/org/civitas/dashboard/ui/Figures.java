package org.civitas.dashboard.ui;

import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.text.NumberFormat;
import java.util.Locale;
import org.civitas.dashboard.Rate;

/** A wrapping row of number cards, and the locale's way of writing counts and rates. */
class Figures extends FlexLayout {

    Figures(String id) {
        setId(id);
        setFlexWrap(FlexWrap.WRAP);
        addClassNames(LumoUtility.Gap.MEDIUM);
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
