package org.civitas.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datepicker.DatePicker.DatePickerI18n;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import java.util.Locale;
import org.civitas.test.KaribuTest;
import org.junit.jupiter.api.Test;

/** Every picker speaks the UI's language; in Chinese none shows the web component's English. */
class DatePickersTest extends KaribuTest {

    @Test
    void a_chinese_picker_has_chinese_months_weekdays_and_buttons_and_weeks_from_monday() {
        login("supervisor");
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        DatePicker picker = DatePickers.date("日期");
        DatePickerI18n i18n = picker.getI18n();

        assertThat(i18n.getMonthNames()).startsWith("1月", "2月").endsWith("12月");
        assertThat(i18n.getWeekdaysShort()).containsExactly("日", "一", "二", "三", "四", "五", "六");
        assertThat(i18n.getToday()).isEqualTo("今天");
        assertThat(i18n.getCancel()).isEqualTo("取消");
        assertThat(i18n.getFirstDayOfWeek()).isEqualTo(1);
        assertThat(i18n.getDateFormats()).containsExactly("yyyy-MM-dd");

        DateTimePicker dateTime = DatePickers.dateTime("期限");
        assertThat(dateTime.getDatePickerI18n().getToday()).isEqualTo("今天");
        assertThat(dateTime.getDatePickerI18n().getMonthNames()).contains("12月");
    }

    @Test
    void an_english_picker_speaks_english() {
        login("supervisor");
        UI.getCurrent().setLocale(Locale.ENGLISH);
        DatePickerI18n i18n = DatePickers.date("Date").getI18n();

        assertThat(i18n.getMonthNames()).contains("December");
        assertThat(i18n.getToday()).isEqualTo("Today");
        assertThat(i18n.getFirstDayOfWeek()).isEqualTo(1);
    }
}
