package org.civitas.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datepicker.DatePicker.DatePickerI18n;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.VaadinService;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Every date and date-time picker of the application, in the UI's language (in Chinese months 1月…12月 under the
 * title 2026年12月, weekdays 一…日, 今天 and 取消); weeks start on Monday and dates read 2026-12-07 in both
 * languages. Views make their pickers here (an architecture rule forbids {@code new DatePicker()} elsewhere), so no
 * picker shows the web component's English.
 */
public final class DatePickers {

    /** The web component writes its title as "December 2026"; the pattern of {@code datepicker.title} does. */
    private static final String TITLE = """
            const p = $0.localName === 'vaadin-date-picker' ? $0 : $0.querySelector('vaadin-date-picker');
            if (p) {
              p.i18n = Object.assign({}, p.i18n,
                  {formatTitle: (month, year) => $1.replace('{year}', year).replace('{month}', month)});
            }""";

    private DatePickers() {
    }

    public static DatePicker date(String label) {
        DatePicker picker = new DatePicker(label);
        Locale locale = locale();
        picker.setLocale(locale);
        picker.setI18n(i18n(locale));
        picker.getElement().executeJs(TITLE, picker.getElement(), translate("datepicker.title", locale));
        return picker;
    }

    public static DatePicker date() {
        return date(null);
    }

    public static DateTimePicker dateTime(String label) {
        DateTimePicker picker = new DateTimePicker(label);
        Locale locale = locale();
        picker.setLocale(locale);
        picker.setDatePickerI18n(i18n(locale));
        // the date part is the vaadin-date-picker inside the date-time picker
        picker.getElement().executeJs(TITLE, picker.getElement(), translate("datepicker.title", locale));
        return picker;
    }

    public static DateTimePicker dateTime() {
        return dateTime(null);
    }

    static DatePickerI18n i18n(Locale locale) {
        return new DatePickerI18n()
                .setMonthNames(List.of(translate("datepicker.months", locale).split(",")))
                // the web component lists weekdays from Sunday
                .setWeekdays(sundayFirst().map(d -> d.getDisplayName(TextStyle.FULL, locale)).toList())
                .setWeekdaysShort(List.of(translate("datepicker.weekdaysShort", locale).split(",")))
                .setFirstDayOfWeek(1)
                .setDateFormat("yyyy-MM-dd")
                .setToday(translate("datepicker.today", locale))
                .setCancel(translate("action.cancel", locale));
    }

    private static Locale locale() {
        UI ui = UI.getCurrent();
        return ui != null ? ui.getLocale() : Locale.SIMPLIFIED_CHINESE;
    }

    private static String translate(String key, Locale locale) {
        VaadinService service = VaadinService.getCurrent();
        I18NProvider provider = service == null ? null : service.getInstantiator().getI18NProvider();
        return provider == null ? key : provider.getTranslation(key, locale);
    }

    private static Stream<DayOfWeek> sundayFirst() {
        return Stream.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
    }
}
