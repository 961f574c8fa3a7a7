package org.civitas.scoring.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** The month picker of the scoring views: the last three years, newest first, plus any month asked for. */
final class Months {

    private Months() {
    }

    static ComboBox<YearMonth> picker(String label, YearMonth current, YearMonth selected) {
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            months.add(current.minusMonths(i));
        }
        if (selected != null && !months.contains(selected)) {
            months.add(0, selected);
        }
        ComboBox<YearMonth> box = new ComboBox<>(label, months);
        box.setItemLabelGenerator(YearMonth::toString);
        box.setValue(selected != null ? selected : current.minusMonths(1));
        return box;
    }

    static YearMonth parse(String text) {
        try {
            return text == null ? null : YearMonth.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
