package org.civitas.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import org.civitas.calendar.OfficeHours.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code civitas.office-hours} property: {@code 08:30-12:00,14:00-17:30}. */
class OfficeHoursParseTest {

    @Test
    void the_default_setting_is_the_standard_office_hours() {
        assertThat(OfficeHours.parse("08:30-12:00,14:00-17:30")).isEqualTo(OfficeHours.standard());
    }

    @Test
    void spaces_around_periods_and_times_are_ignored() {
        assertThat(OfficeHours.parse(" 08:30 - 12:00 , 14:00-17:30 ")).isEqualTo(OfficeHours.standard());
    }

    @Test
    void a_single_period_is_a_day_without_lunch_break() {
        OfficeHours hours = OfficeHours.parse("09:00-17:00");
        assertThat(hours.periods()).containsExactly(new Period(LocalTime.of(9, 0), LocalTime.of(17, 0)));
        assertThat(hours.endOfDay()).isEqualTo(LocalTime.of(17, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "08:30", "08:30-12:00-13:00", "8.30-12:00", "08:30-25:00", "12:00-08:30",
            "14:00-17:30,08:30-12:00", "08:30-12:00,11:00-17:30"})
    void a_malformed_unordered_or_overlapping_setting_is_refused(String text) {
        assertThatThrownBy(() -> OfficeHours.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_missing_setting_is_refused() {
        assertThatThrownBy(() -> OfficeHours.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
