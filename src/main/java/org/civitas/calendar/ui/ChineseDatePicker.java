package org.civitas.calendar.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datepicker.DatePicker.DatePickerI18n;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A date picker that speaks the UI's language: month and weekday names from the JDK's locale data (一月, 星期一 in
 * Chinese), weeks starting on Monday, dates written as 2027-01-01 in both languages.
 */
class ChineseDatePicker extends DatePicker {

    ChineseDatePicker(String label) {
        super(label);
        Locale locale = getLocale();
        setLocale(locale);
        setI18n(new DatePickerI18n()
                .setMonthNames(Arrays.stream(Month.values()).map(m -> m.getDisplayName(TextStyle.FULL, locale)).toList())
                // the web component lists weekdays from Sunday
                .setWeekdays(sundayFirst().map(d -> d.getDisplayName(TextStyle.FULL, locale)).toList())
                .setWeekdaysShort(sundayFirst().map(d -> d.getDisplayName(TextStyle.SHORT, locale)).toList())
                .setFirstDayOfWeek(1)
                .setDateFormat("yyyy-MM-dd")
                .setToday(getTranslation("datepicker.today"))
                .setCancel(getTranslation("action.cancel")));
    }

    private static Stream<DayOfWeek> sundayFirst() {
        return Stream.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
    }
}
