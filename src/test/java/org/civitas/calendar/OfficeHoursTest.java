package org.civitas.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.civitas.calendar.OfficeHours.Period;
import org.junit.jupiter.api.Test;

class OfficeHoursTest {

    private static Period p(String start, String end) {
        return new Period(LocalTime.parse(start), LocalTime.parse(end));
    }

    @Test
    void standard_hours_are_half_past_eight_to_noon_and_two_to_half_past_five() {
        assertThat(OfficeHours.standard().periods()).containsExactly(p("08:30", "12:00"), p("14:00", "17:30"));
        assertThat(OfficeHours.standard().endOfDay()).isEqualTo(LocalTime.of(17, 30));
    }

    @Test
    void end_of_day_is_the_end_of_the_last_period() {
        assertThat(new OfficeHours(List.of(p("09:00", "17:00"))).endOfDay()).isEqualTo(LocalTime.of(17, 0));
    }

    @Test
    void touching_periods_are_allowed() {
        assertThat(new OfficeHours(List.of(p("08:00", "12:00"), p("12:00", "16:00"))).periods()).hasSize(2);
    }

    @Test
    void office_hours_need_at_least_one_period() {
        assertThatThrownBy(() -> new OfficeHours(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OfficeHours(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void periods_out_of_order_are_refused() {
        assertThatThrownBy(() -> new OfficeHours(List.of(p("14:00", "17:30"), p("08:30", "12:00"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overlapping_periods_are_refused() {
        assertThatThrownBy(() -> new OfficeHours(List.of(p("08:30", "12:00"), p("11:00", "17:30"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_period_must_start_before_it_ends() {
        assertThatThrownBy(() -> p("12:00", "12:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p("17:30", "08:30")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Period(null, LocalTime.NOON)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void office_hours_keep_their_own_copy_of_the_periods() {
        List<Period> periods = new ArrayList<>(List.of(p("09:00", "17:00")));
        OfficeHours hours = new OfficeHours(periods);
        periods.add(p("18:00", "19:00"));
        assertThat(hours.periods()).hasSize(1);
        assertThatThrownBy(() -> hours.periods().add(p("18:00", "19:00")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_null_period_is_refused() {
        List<Period> periods = new ArrayList<>();
        periods.add(null);
        assertThatThrownBy(() -> new OfficeHours(periods)).isInstanceOf(IllegalArgumentException.class);
    }
}
