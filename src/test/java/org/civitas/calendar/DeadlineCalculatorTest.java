package org.civitas.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civitas.calendar.LimitUnit.HOURS;
import static org.civitas.calendar.LimitUnit.NATURAL_DAYS;
import static org.civitas.calendar.LimitUnit.WORKING_DAYS;
import static org.civitas.calendar.LimitUnit.WORKING_HOURS;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Expected values are worked out by hand from docs/design.md §5 and the reference calendar; the day of
 * the week is noted where it matters. Standard office hours: 08:30–12:00 and 14:00–17:30.
 */
class DeadlineCalculatorTest {

    private static WorkingCalendar calendar;
    private static DeadlineCalculator calc;

    @BeforeAll
    static void setUp() {
        calendar = ReferenceCalendar.load();
        calc = new DeadlineCalculator(calendar, OfficeHours.standard());
    }

    private static LocalDateTime t(String iso) {
        return LocalDateTime.parse(iso);
    }

    // --- HOURS ---

    @Test
    void hours_are_clock_hours() {
        assertThat(calc.handleDue(t("2026-03-02T10:00"), 2, HOURS)).isEqualTo(t("2026-03-02T12:00"));
    }

    @Test
    void hours_run_through_nights_weekends_and_holidays() {
        // Fri 02-13 20:15 + 48 h = Sun 02-15 20:15, a Spring Festival holiday: clock hours do not care.
        assertThat(calc.handleDue(t("2026-02-13T20:15"), 48, HOURS)).isEqualTo(t("2026-02-15T20:15"));
    }

    // --- WORKING_HOURS ---

    @Test
    void working_hours_inside_one_office_period() {
        assertThat(calc.handleDue(t("2026-03-02T09:00"), 2, WORKING_HOURS)).isEqualTo(t("2026-03-02T11:00"));
    }

    @Test
    void working_hours_skip_the_lunch_break() {
        // Mon 10:00–12:00 is 2 h, the other 2 h run from 14:00.
        assertThat(calc.handleDue(t("2026-03-02T10:00"), 4, WORKING_HOURS)).isEqualTo(t("2026-03-02T16:00"));
    }

    @Test
    void working_hours_ending_exactly_at_noon_end_at_noon_not_after_lunch() {
        assertThat(calc.handleDue(t("2026-03-02T09:00"), 3, WORKING_HOURS)).isEqualTo(t("2026-03-02T12:00"));
    }

    @Test
    void working_hours_ending_exactly_at_closing_time_end_that_evening_not_next_morning() {
        assertThat(calc.handleDue(t("2026-03-02T15:30"), 2, WORKING_HOURS)).isEqualTo(t("2026-03-02T17:30"));
    }

    @Test
    void working_hours_carry_over_night_to_the_next_morning() {
        // Mon 16:00–17:30 is 1.5 h, the other 1.5 h run from Tue 08:30.
        assertThat(calc.handleDue(t("2026-03-02T16:00"), 3, WORKING_HOURS)).isEqualTo(t("2026-03-03T10:00"));
    }

    @Test
    void working_hours_carry_over_a_weekend() {
        // Fri 03-06 16:30–17:30 is 1 h, the other 3 h run from Mon 03-09 08:30.
        assertThat(calc.handleDue(t("2026-03-06T16:30"), 4, WORKING_HOURS)).isEqualTo(t("2026-03-09T11:30"));
    }

    @Test
    void working_hours_of_whole_days_end_at_closing_time() {
        // A standard day holds 7 office hours: 14 h from Mon 08:30 fill Mon and Tue exactly.
        assertThat(calc.handleDue(t("2026-03-02T08:30"), 14, WORKING_HOURS)).isEqualTo(t("2026-03-03T17:30"));
        assertThat(calc.handleDue(t("2026-03-02T08:30"), 15, WORKING_HOURS)).isEqualTo(t("2026-03-04T09:30"));
    }

    @Test
    void working_hours_dispatched_before_opening_start_at_opening() {
        assertThat(calc.handleDue(t("2026-03-02T07:10"), 1, WORKING_HOURS)).isEqualTo(t("2026-03-02T09:30"));
    }

    @Test
    void working_hours_dispatched_during_lunch_start_at_two() {
        assertThat(calc.handleDue(t("2026-03-02T12:45"), 2, WORKING_HOURS)).isEqualTo(t("2026-03-02T16:00"));
    }

    @Test
    void working_hours_dispatched_exactly_at_noon_start_at_two() {
        assertThat(calc.handleDue(t("2026-03-02T12:00"), 1, WORKING_HOURS)).isEqualTo(t("2026-03-02T15:00"));
    }

    @Test
    void working_hours_dispatched_at_or_after_closing_start_next_working_morning() {
        assertThat(calc.handleDue(t("2026-03-02T17:30"), 1, WORKING_HOURS)).isEqualTo(t("2026-03-03T09:30"));
        assertThat(calc.handleDue(t("2026-03-02T19:00"), 1, WORKING_HOURS)).isEqualTo(t("2026-03-03T09:30"));
        assertThat(calc.handleDue(t("2026-03-02T23:59:59"), 1, WORKING_HOURS)).isEqualTo(t("2026-03-03T09:30"));
    }

    @Test
    void working_hours_dispatched_on_a_weekend_start_on_monday() {
        assertThat(calc.handleDue(t("2026-03-07T10:00"), 1, WORKING_HOURS)).isEqualTo(t("2026-03-09T09:30"));
    }

    @Test
    void working_hours_count_a_make_up_saturday() {
        // Fri 02-13 17:00–17:30 is 0.5 h; Sat 02-14 is a make-up working day: 1.5 h from 08:30.
        assertThat(calc.handleDue(t("2026-02-13T17:00"), 2, WORKING_HOURS)).isEqualTo(t("2026-02-14T10:00"));
    }

    @Test
    void working_hours_skip_the_2026_spring_festival_holidays() {
        // Sat 02-14 (make-up) 16:30–17:30 is 1 h; 02-15..02-23 are holidays; 2 h from Tue 02-24 08:30.
        assertThat(calc.handleDue(t("2026-02-14T16:30"), 3, WORKING_HOURS)).isEqualTo(t("2026-02-24T10:30"));
    }

    @Test
    void working_hours_skip_the_2017_spring_festival_holidays() {
        // Thu 01-26 15:00–17:30 is 2.5 h; 01-27..02-02 are holidays; 2.5 h from Fri 02-03 08:30.
        assertThat(calc.handleDue(t("2017-01-26T15:00"), 5, WORKING_HOURS)).isEqualTo(t("2017-02-03T11:00"));
    }

    @Test
    void working_hours_dispatched_on_saturday_before_the_2017_make_up_sunday_start_that_sunday() {
        // Sat 01-21 is a rest day, Sun 01-22 a make-up working day.
        assertThat(calc.handleDue(t("2017-01-21T10:00"), 1, WORKING_HOURS)).isEqualTo(t("2017-01-22T09:30"));
    }

    @Test
    void working_hours_follow_configured_office_hours() {
        var nineToFive = new OfficeHours(List.of(new OfficeHours.Period(LocalTime.of(9, 0), LocalTime.of(17, 0))));
        var own = new DeadlineCalculator(calendar, nineToFive);
        // No lunch break: Mon 15:00–17:00 is 2 h, the third hour runs from Tue 09:00.
        assertThat(own.handleDue(t("2026-03-02T15:00"), 3, WORKING_HOURS)).isEqualTo(t("2026-03-03T10:00"));
    }

    // --- WORKING_DAYS ---

    @Test
    void working_days_end_at_closing_time_of_the_nth_working_day_after_the_dispatch_day() {
        // Mon 03-02: Tue 1, Wed 2, Thu 3.
        assertThat(calc.handleDue(t("2026-03-02T10:00"), 3, WORKING_DAYS)).isEqualTo(t("2026-03-05T17:30"));
    }

    @Test
    void working_days_never_count_the_dispatch_day_even_at_one_minute_past_midnight() {
        assertThat(calc.handleDue(t("2026-03-02T00:01"), 1, WORKING_DAYS)).isEqualTo(t("2026-03-03T17:30"));
    }

    @Test
    void working_days_dispatched_late_friday_end_on_monday() {
        assertThat(calc.handleDue(t("2026-03-06T23:59"), 1, WORKING_DAYS)).isEqualTo(t("2026-03-09T17:30"));
    }

    @Test
    void working_days_dispatched_on_a_weekend_count_from_monday() {
        // Sat 03-07: Mon 03-09 is the first working day after it.
        assertThat(calc.handleDue(t("2026-03-07T10:00"), 1, WORKING_DAYS)).isEqualTo(t("2026-03-09T17:30"));
    }

    @Test
    void working_days_skip_the_2026_spring_festival_holidays() {
        // From Fri 02-13: Sat 14 (make-up) 1, Tue 24 2, Wed 25 3, Thu 26 4, Fri 27 5, Sat 28 (make-up) 6, Mon 03-02 7.
        assertThat(calc.handleDue(t("2026-02-13T09:00"), 1, WORKING_DAYS)).isEqualTo(t("2026-02-14T17:30"));
        assertThat(calc.handleDue(t("2026-02-13T09:00"), 2, WORKING_DAYS)).isEqualTo(t("2026-02-24T17:30"));
        assertThat(calc.handleDue(t("2026-02-13T09:00"), 6, WORKING_DAYS)).isEqualTo(t("2026-02-28T17:30"));
        assertThat(calc.handleDue(t("2026-02-13T09:00"), 7, WORKING_DAYS)).isEqualTo(t("2026-03-02T17:30"));
    }

    @Test
    void working_days_dispatched_on_a_holiday_count_from_the_first_working_day_after_it() {
        // Wed 02-18 is a holiday: Tue 02-24 is working day 1, Thu 02-26 is 3.
        assertThat(calc.handleDue(t("2026-02-18T10:00"), 1, WORKING_DAYS)).isEqualTo(t("2026-02-24T17:30"));
        assertThat(calc.handleDue(t("2026-02-18T10:00"), 3, WORKING_DAYS)).isEqualTo(t("2026-02-26T17:30"));
    }

    @Test
    void working_days_skip_the_2017_spring_festival_and_count_both_make_up_days() {
        // Fri 01-20: Sun 01-22 (make-up) is 1.
        assertThat(calc.handleDue(t("2017-01-20T10:00"), 1, WORKING_DAYS)).isEqualTo(t("2017-01-22T17:30"));
        // Thu 01-26: Fri 02-03 1, Sat 02-04 (make-up) 2, Mon 02-06 3.
        assertThat(calc.handleDue(t("2017-01-26T10:00"), 1, WORKING_DAYS)).isEqualTo(t("2017-02-03T17:30"));
        assertThat(calc.handleDue(t("2017-01-26T10:00"), 2, WORKING_DAYS)).isEqualTo(t("2017-02-04T17:30"));
        assertThat(calc.handleDue(t("2017-01-26T10:00"), 3, WORKING_DAYS)).isEqualTo(t("2017-02-06T17:30"));
    }

    @Test
    void working_days_skip_national_day_2026_and_count_its_make_up_days() {
        // Fri 09-18: Sun 09-20 (make-up) is 1.
        assertThat(calc.handleDue(t("2026-09-18T10:00"), 1, WORKING_DAYS)).isEqualTo(t("2026-09-20T17:30"));
        // Wed 09-30: Thu 10-08 1, Fri 10-09 2, Sat 10-10 (make-up) 3, Mon 10-12 4.
        assertThat(calc.handleDue(t("2026-09-30T10:00"), 1, WORKING_DAYS)).isEqualTo(t("2026-10-08T17:30"));
        assertThat(calc.handleDue(t("2026-09-30T10:00"), 3, WORKING_DAYS)).isEqualTo(t("2026-10-10T17:30"));
        assertThat(calc.handleDue(t("2026-09-30T10:00"), 4, WORKING_DAYS)).isEqualTo(t("2026-10-12T17:30"));
    }

    @Test
    void working_days_skip_the_2026_mid_autumn_weekend() {
        // Thu 09-24: Fri 09-25..Sun 09-27 are off, Mon 09-28 is 1.
        assertThat(calc.handleDue(t("2026-09-24T10:00"), 1, WORKING_DAYS)).isEqualTo(t("2026-09-28T17:30"));
    }

    @Test
    void working_days_end_when_configured_office_hours_end() {
        var nineToFive = new OfficeHours(List.of(new OfficeHours.Period(LocalTime.of(9, 0), LocalTime.of(17, 0))));
        var own = new DeadlineCalculator(calendar, nineToFive);
        assertThat(own.handleDue(t("2026-03-02T10:00"), 1, WORKING_DAYS)).isEqualTo(t("2026-03-03T17:00"));
    }

    // --- NATURAL_DAYS (24:00 of day D is written D+1 00:00) ---

    @Test
    void natural_days_end_at_midnight_of_the_nth_day_after_the_dispatch_day() {
        // Mon 03-02 + 3 = Thu 03-05, 24:00.
        assertThat(calc.handleDue(t("2026-03-02T10:00"), 3, NATURAL_DAYS)).isEqualTo(t("2026-03-06T00:00"));
    }

    @Test
    void natural_days_never_count_the_dispatch_day_even_one_minute_before_midnight() {
        assertThat(calc.handleDue(t("2026-03-02T23:59"), 1, NATURAL_DAYS)).isEqualTo(t("2026-03-04T00:00"));
    }

    @Test
    void natural_days_ending_on_a_weekend_move_to_the_next_working_day() {
        // Wed 03-04 + 3 = Sat 03-07, a rest day: runs to Mon 03-09, 24:00.
        assertThat(calc.handleDue(t("2026-03-04T10:00"), 3, NATURAL_DAYS)).isEqualTo(t("2026-03-10T00:00"));
    }

    @Test
    void natural_days_ending_on_a_holiday_move_to_the_next_working_day() {
        // Mon 09-28 + 5 = Sat 10-03, inside National Day: runs to Thu 10-08, 24:00.
        assertThat(calc.handleDue(t("2026-09-28T10:00"), 5, NATURAL_DAYS)).isEqualTo(t("2026-10-09T00:00"));
        // Wed 2017-01-25 + 2 = Fri 01-27, first Spring Festival holiday: runs to Fri 02-03, 24:00.
        assertThat(calc.handleDue(t("2017-01-25T10:00"), 2, NATURAL_DAYS)).isEqualTo(t("2017-02-04T00:00"));
    }

    @Test
    void natural_days_ending_on_a_make_up_saturday_end_that_saturday() {
        // Wed 02-25 + 3 = Sat 02-28, a make-up working day.
        assertThat(calc.handleDue(t("2026-02-25T10:00"), 3, NATURAL_DAYS)).isEqualTo(t("2026-03-01T00:00"));
    }

    @Test
    void natural_days_run_through_holidays_in_the_middle_of_the_period() {
        // Holiday Mon 02-16 + 10 = Thu 02-26, a working day: the holidays in between still count.
        assertThat(calc.handleDue(t("2026-02-16T10:00"), 10, NATURAL_DAYS)).isEqualTo(t("2026-02-27T00:00"));
    }

    // --- sign deadlines ---

    @Test
    void emergency_items_are_due_for_signing_thirty_minutes_after_dispatch() {
        assertThat(calc.signDue(t("2026-03-02T10:00"), true)).isEqualTo(t("2026-03-02T10:30"));
    }

    @Test
    void emergency_sign_deadline_ignores_nights_and_holidays() {
        assertThat(calc.signDue(t("2026-02-15T23:45"), true)).isEqualTo(t("2026-02-16T00:15"));
    }

    @Test
    void normal_items_are_due_for_signing_at_closing_time_of_the_next_working_day() {
        assertThat(calc.signDue(t("2026-03-04T10:00"), false)).isEqualTo(t("2026-03-05T17:30"));
        // Fri 03-06 → Mon 03-09.
        assertThat(calc.signDue(t("2026-03-06T15:00"), false)).isEqualTo(t("2026-03-09T17:30"));
    }

    @Test
    void normal_sign_deadline_falls_on_a_make_up_saturday_before_the_2026_spring_festival() {
        assertThat(calc.signDue(t("2026-02-13T15:00"), false)).isEqualTo(t("2026-02-14T17:30"));
        // Dispatched on the make-up Saturday itself: next working day is Tue 02-24.
        assertThat(calc.signDue(t("2026-02-14T15:00"), false)).isEqualTo(t("2026-02-24T17:30"));
    }

    // --- warnings ---

    @Test
    void working_day_items_warn_at_80_percent_of_the_office_time() {
        // Mon 10:00 → Thu 17:30 holds 5.5 + 7 + 7 + 7 = 26.5 office hours; 80 % = 21 h 12 min: Mon 5.5, Tue 7,
        // Wed 7, then 1 h 42 min of Thursday → Thu 10:12 (clock time would give Thu 01:36, when nobody is at work).
        assertThat(calc.warnAt(t("2026-03-02T10:00"), t("2026-03-05T17:30"), WORKING_DAYS, false))
                .isEqualTo(t("2026-03-05T10:12"));
    }

    @Test
    void working_hour_items_warn_at_80_percent_of_the_office_time_across_lunch_and_a_weekend() {
        // Mon 10:00, 5 working hours → 17:00; 80 % = 4 h: 2 h before lunch, 2 h after → 16:00.
        assertThat(calc.warnAt(t("2026-03-02T10:00"), t("2026-03-02T17:00"), WORKING_HOURS, false))
                .isEqualTo(t("2026-03-02T16:00"));
        // Fri 16:30 → Mon 11:30 holds 1 + 3 office hours; 80 % = 3 h 12 min → Mon 08:30 + 2 h 12 min = 10:42.
        assertThat(calc.warnAt(t("2026-03-06T16:30"), t("2026-03-09T11:30"), WORKING_HOURS, false))
                .isEqualTo(t("2026-03-09T10:42"));
    }

    @Test
    void working_day_items_dispatched_on_a_weekend_count_only_office_time() {
        // Sat 03-07 10:00, 1 working day → Mon 17:30: 7 office hours, 80 % = 5 h 36 min → 12:00 + 2 h 06 → 16:06.
        assertThat(calc.warnAt(t("2026-03-07T10:00"), t("2026-03-09T17:30"), WORKING_DAYS, false))
                .isEqualTo(t("2026-03-09T16:06"));
    }

    @Test
    void working_day_items_warn_on_a_make_up_saturday_after_a_holiday() {
        // Tue 2025-09-30 10:00, 3 working days: 10-01…10-08 are the National Day holiday, so Thu 10-09, Fri 10-10
        // and the make-up Saturday 10-11 → due 10-11 17:30; 26.5 office hours, 80 % → 10-11 10:12.
        assertThat(calc.warnAt(t("2025-09-30T10:00"), t("2025-10-11T17:30"), WORKING_DAYS, false))
                .isEqualTo(t("2025-10-11T10:12"));
    }

    @Test
    void clock_time_items_warn_at_80_percent_when_that_is_office_time() {
        // One hour → 48 minutes.
        assertThat(calc.warnAt(t("2026-03-02T10:00"), t("2026-03-02T11:00"), HOURS, false))
                .isEqualTo(t("2026-03-02T10:48"));
    }

    @Test
    void a_clock_time_warning_at_night_moves_back_to_the_end_of_that_days_office_hours() {
        // Mon 15:00 + 10 h → Tue 01:00; 80 % = 8 h → Mon 23:00 → Mon 17:30.
        assertThat(calc.warnAt(t("2026-03-02T15:00"), t("2026-03-03T01:00"), HOURS, false))
                .isEqualTo(t("2026-03-02T17:30"));
    }

    @Test
    void a_clock_time_warning_on_a_weekend_moves_back_to_fridays_office_hours() {
        // Fri 03-06 10:00, 1 natural day: Saturday is a rest day, so 24:00 of Mon 03-09. 86 h, 80 % = 68 h 48 min
        // → Mon 06:48, before office hours → Fri 17:30.
        assertThat(calc.warnAt(t("2026-03-06T10:00"), t("2026-03-10T00:00"), NATURAL_DAYS, false))
                .isEqualTo(t("2026-03-06T17:30"));
    }

    @Test
    void a_clock_time_warning_in_a_holiday_moves_back_to_the_last_working_day() {
        // Tue 2025-09-30 16:00 + 48 h → 10-02 16:00 (National Day); 80 % → 10-02 06:24 → 09-30 17:30.
        assertThat(calc.warnAt(t("2025-09-30T16:00"), t("2025-10-02T16:00"), HOURS, false))
                .isEqualTo(t("2025-09-30T17:30"));
    }

    @Test
    void a_warning_with_no_office_moment_since_dispatch_is_at_dispatch() {
        // Fri 20:00 + 2 h: 80 % is 21:36; the last office moment, 17:30, is before dispatch.
        assertThat(calc.warnAt(t("2026-03-06T20:00"), t("2026-03-06T22:00"), HOURS, false))
                .isEqualTo(t("2026-03-06T20:00"));
    }

    @Test
    void normal_warning_is_truncated_to_whole_seconds() {
        // 7 s → 5.6 s → 5 s.
        assertThat(calc.warnAt(t("2026-03-02T10:00:00"), t("2026-03-02T10:00:07"), HOURS, false))
                .isEqualTo(t("2026-03-02T10:00:05"));
        // 10:00:00.5 + 80 % of 10 s = 10:00:08.5 → 10:00:08.
        assertThat(calc.warnAt(t("2026-03-02T10:00:00.5"), t("2026-03-02T10:00:10.5"), HOURS, false))
                .isEqualTo(t("2026-03-02T10:00:08"));
    }

    @Test
    void emergency_items_warn_thirty_minutes_before_the_deadline_whatever_the_hour() {
        assertThat(calc.warnAt(t("2026-03-02T10:00"), t("2026-03-02T12:00"), HOURS, true))
                .isEqualTo(t("2026-03-02T11:30"));
        assertThat(calc.warnAt(t("2026-03-07T22:00"), t("2026-03-08T02:00"), HOURS, true))
                .isEqualTo(t("2026-03-08T01:30"));
    }

    @Test
    void emergency_warning_is_never_before_dispatch() {
        assertThat(calc.warnAt(t("2026-03-02T10:00"), t("2026-03-02T10:20"), HOURS, true))
                .isEqualTo(t("2026-03-02T10:00"));
    }

    @ParameterizedTest
    @EnumSource(LimitUnit.class)
    void every_normal_warning_is_in_office_hours_on_a_working_day_or_at_dispatch(LimitUnit unit) {
        LocalDateTime from = t("2025-09-26T00:00");
        for (int i = 0; i < 24 * 4 * 20; i++) {
            LocalDateTime dispatched = from.plusMinutes(15L * i);
            for (int n : new int[] {1, 2, 5}) {
                LocalDateTime due = calc.handleDue(dispatched, n, unit);
                LocalDateTime warn = calc.warnAt(dispatched, due, unit, false);
                assertThat(warn).as("%s %d %s", dispatched, n, unit).isBetween(dispatched, due);
                if (!warn.equals(dispatched)) {
                    assertThat(calc.lastOfficeMomentAtOrBefore(warn, warn)).as("%s %d %s", dispatched, n, unit)
                            .isEqualTo(warn);
                }
            }
        }
    }

    @Test
    void warning_for_a_deadline_before_dispatch_is_refused() {
        assertThatThrownBy(() -> calc.warnAt(t("2026-03-02T10:00"), t("2026-03-02T09:59"), HOURS, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // --- all three together ---

    @Test
    void compute_caps_the_sign_deadline_at_the_handling_deadline() {
        // Fri 03-06 16:30, 4 working hours → Mon 11:30; warning at 80 % of the office time, Mon 10:42. Sign would be
        // Mon 03-09 17:30, later than handling: capped at Mon 11:30.
        assertThat(calc.compute(t("2026-03-06T16:30"), 4, WORKING_HOURS, false)).isEqualTo(new Deadlines(
                t("2026-03-09T11:30"), t("2026-03-09T11:30"), t("2026-03-09T10:42")));
    }

    @Test
    void compute_gives_sign_handle_and_warning_for_a_normal_item() {
        // Mon 03-02 10:00, 3 working days → Thu 03-05 17:30; sign Tue 03-03 17:30;
        // 26.5 office hours from Mon 10:00 to Thu 17:30, 80 % → Thu 03-05 10:12.
        assertThat(calc.compute(t("2026-03-02T10:00"), 3, WORKING_DAYS, false)).isEqualTo(new Deadlines(
                t("2026-03-03T17:30"), t("2026-03-05T17:30"), t("2026-03-05T10:12")));
    }

    @Test
    void compute_gives_sign_handle_and_warning_for_an_emergency_item() {
        assertThat(calc.compute(t("2026-03-02T10:00"), 2, HOURS, true)).isEqualTo(new Deadlines(
                t("2026-03-02T10:30"), t("2026-03-02T12:00"), t("2026-03-02T11:30")));
    }

    // --- refusals ---

    @ParameterizedTest
    @EnumSource(LimitUnit.class)
    void a_limit_of_less_than_one_is_refused(LimitUnit unit) {
        assertThatThrownBy(() -> calc.handleDue(t("2026-03-02T10:00"), 0, unit))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calc.compute(t("2026-03-02T10:00"), -1, unit, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void null_arguments_are_refused() {
        assertThatThrownBy(() -> calc.handleDue(null, 1, HOURS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calc.handleDue(t("2026-03-02T10:00"), 1, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calc.signDue(null, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calc.warnAt(null, t("2026-03-02T10:00"), HOURS, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calc.warnAt(t("2026-03-02T10:00"), null, HOURS, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calc.warnAt(t("2026-03-02T10:00"), t("2026-03-02T11:00"), null, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calc.compute(null, 1, WORKING_DAYS, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeadlineCalculator(null, OfficeHours.standard()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeadlineCalculator(calendar, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
