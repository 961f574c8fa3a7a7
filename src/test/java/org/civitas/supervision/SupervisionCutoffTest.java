package org.civitas.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.civitas.calendar.DayKind;
import org.civitas.calendar.DeadlineCalculator;
import org.civitas.calendar.OfficeHours;
import org.civitas.calendar.WorkingCalendar;
import org.junit.jupiter.api.Test;

/** The latest deadline that is two working days past, on a calendar with a long weekend. */
class SupervisionCutoffTest {

    // Monday 6 April 2026 is a holiday (清明)
    final DeadlineCalculator calc = new DeadlineCalculator(
            new WorkingCalendar(Map.of(LocalDate.of(2026, 4, 6), DayKind.HOLIDAY)), OfficeHours.standard());

    @Test
    void a_friday_deadline_is_two_working_days_late_after_wednesday_office_hours() {
        assertThat(DeadlineSweep.supervisionCutoff(calc, LocalDateTime.of(2026, 4, 8, 17, 30), 2))
                .isEqualTo(LocalDateTime.of(2026, 4, 3, 0, 0)); // Thursday's deadlines, not Friday's
        assertThat(DeadlineSweep.supervisionCutoff(calc, LocalDateTime.of(2026, 4, 8, 17, 30, 1), 2))
                // Friday's, and those of the days off after it (a clock-hours item may fall due on Saturday): Tuesday
                // and Wednesday are their first two working days too
                .isEqualTo(LocalDateTime.of(2026, 4, 7, 0, 0));
    }

    @Test
    void days_off_move_no_cut_off() {
        LocalDateTime sunday = LocalDateTime.of(2026, 4, 5, 12, 0);
        LocalDateTime holidayMonday = LocalDateTime.of(2026, 4, 6, 23, 0);
        // the last deadlines two working days late by then are Wednesday's (Thursday + Friday have passed)
        assertThat(DeadlineSweep.supervisionCutoff(calc, sunday, 2)).isEqualTo(LocalDateTime.of(2026, 4, 2, 0, 0));
        assertThat(DeadlineSweep.supervisionCutoff(calc, holidayMonday, 2))
                .isEqualTo(LocalDateTime.of(2026, 4, 2, 0, 0));
    }
}
