package org.civitas.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkingCalendarTest {

    private static WorkingCalendar calendar;

    @BeforeAll
    static void loadReferenceCalendar() {
        calendar = ReferenceCalendar.load();
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void an_ordinary_weekday_is_a_working_day_and_an_ordinary_weekend_is_not() {
        assertThat(calendar.isWorkingDay(d("2026-03-04"))).isTrue();  // Wed
        assertThat(calendar.isWorkingDay(d("2026-03-07"))).isFalse(); // Sat
        assertThat(calendar.isWorkingDay(d("2026-03-08"))).isFalse(); // Sun
    }

    @Test
    void the_2017_spring_festival_closes_jan_27_to_feb_2_and_opens_sunday_jan_22_and_saturday_feb_4() {
        assertThat(calendar.isWorkingDay(d("2017-01-20"))).isTrue();  // Fri before
        assertThat(calendar.isWorkingDay(d("2017-01-21"))).isFalse(); // ordinary Sat
        assertThat(calendar.isWorkingDay(d("2017-01-22"))).isTrue();  // make-up Sun
        assertThat(calendar.isWorkingDay(d("2017-01-26"))).isTrue();  // Thu, eve of the holidays
        for (LocalDate day = d("2017-01-27"); !day.isAfter(d("2017-02-02")); day = day.plusDays(1)) {
            assertThat(calendar.isWorkingDay(day)).as(day.toString()).isFalse();
        }
        assertThat(calendar.isWorkingDay(d("2017-02-03"))).isTrue();  // Fri
        assertThat(calendar.isWorkingDay(d("2017-02-04"))).isTrue();  // make-up Sat
        assertThat(calendar.isWorkingDay(d("2017-02-05"))).isFalse(); // ordinary Sun
    }

    @Test
    void the_2026_spring_festival_closes_feb_15_to_23_and_opens_saturdays_feb_14_and_28() {
        assertThat(calendar.isWorkingDay(d("2026-02-13"))).isTrue();  // Fri
        assertThat(calendar.isWorkingDay(d("2026-02-14"))).isTrue();  // make-up Sat
        for (LocalDate day = d("2026-02-15"); !day.isAfter(d("2026-02-23")); day = day.plusDays(1)) {
            assertThat(calendar.isWorkingDay(day)).as(day.toString()).isFalse();
        }
        assertThat(calendar.isWorkingDay(d("2026-02-24"))).isTrue();  // Tue
        assertThat(calendar.isWorkingDay(d("2026-02-28"))).isTrue();  // make-up Sat
        assertThat(calendar.isWorkingDay(d("2026-03-01"))).isFalse(); // ordinary Sun
    }

    @Test
    void national_day_2026_closes_oct_1_to_7_and_opens_sunday_sep_20_and_saturday_oct_10() {
        assertThat(calendar.isWorkingDay(d("2026-09-19"))).isFalse(); // ordinary Sat
        assertThat(calendar.isWorkingDay(d("2026-09-20"))).isTrue();  // make-up Sun
        for (LocalDate day = d("2026-10-01"); !day.isAfter(d("2026-10-07")); day = day.plusDays(1)) {
            assertThat(calendar.isWorkingDay(day)).as(day.toString()).isFalse();
        }
        assertThat(calendar.isWorkingDay(d("2026-10-08"))).isTrue();  // Thu
        assertThat(calendar.isWorkingDay(d("2026-10-10"))).isTrue();  // make-up Sat
        assertThat(calendar.isWorkingDay(d("2026-10-11"))).isFalse(); // ordinary Sun
    }

    @Test
    void mid_autumn_2026_closes_friday_sep_25() {
        assertThat(calendar.isWorkingDay(d("2026-09-24"))).isTrue();
        assertThat(calendar.isWorkingDay(d("2026-09-25"))).isFalse();
        assertThat(calendar.isWorkingDay(d("2026-09-28"))).isTrue();
    }

    @Test
    void every_make_up_working_day_in_the_reference_file_falls_on_a_weekend() throws Exception {
        try (var in = getClass().getResourceAsStream(ReferenceCalendar.PATH)) {
            String csv = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            csv.lines().skip(1).filter(line -> line.contains(",WORKDAY,")).forEach(line -> {
                DayOfWeek dow = d(line.substring(0, 10)).getDayOfWeek();
                assertThat(dow).as(line).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            });
        }
    }

    @Test
    void next_working_day_on_or_after_a_working_day_is_that_day() {
        assertThat(calendar.nextWorkingDayOnOrAfter(d("2026-03-04"))).isEqualTo(d("2026-03-04"));
        assertThat(calendar.nextWorkingDayOnOrAfter(d("2026-02-14"))).isEqualTo(d("2026-02-14"));
    }

    @Test
    void next_working_day_on_or_after_a_rest_day_skips_the_whole_break() {
        assertThat(calendar.nextWorkingDayOnOrAfter(d("2026-03-07"))).isEqualTo(d("2026-03-09"));
        assertThat(calendar.nextWorkingDayOnOrAfter(d("2026-02-15"))).isEqualTo(d("2026-02-24"));
        assertThat(calendar.nextWorkingDayOnOrAfter(d("2026-10-01"))).isEqualTo(d("2026-10-08"));
        assertThat(calendar.nextWorkingDayOnOrAfter(d("2017-01-27"))).isEqualTo(d("2017-02-03"));
    }

    @Test
    void plus_working_days_never_counts_the_start_day() {
        assertThat(calendar.plusWorkingDays(d("2026-03-04"), 1)).isEqualTo(d("2026-03-05"));
        assertThat(calendar.plusWorkingDays(d("2026-03-06"), 1)).isEqualTo(d("2026-03-09"));
        assertThat(calendar.plusWorkingDays(d("2026-03-07"), 1)).isEqualTo(d("2026-03-09"));
    }

    @Test
    void plus_working_days_counts_make_up_saturdays_and_skips_the_2026_spring_festival() {
        // From Fri 02-13: Sat 14 (make-up), Tue 24, Wed 25, Thu 26, Fri 27, Sat 28 (make-up), Mon 03-02.
        assertThat(calendar.plusWorkingDays(d("2026-02-13"), 1)).isEqualTo(d("2026-02-14"));
        assertThat(calendar.plusWorkingDays(d("2026-02-13"), 2)).isEqualTo(d("2026-02-24"));
        assertThat(calendar.plusWorkingDays(d("2026-02-13"), 6)).isEqualTo(d("2026-02-28"));
        assertThat(calendar.plusWorkingDays(d("2026-02-13"), 7)).isEqualTo(d("2026-03-02"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void plus_working_days_refuses_fewer_than_one_day(int n) {
        assertThatThrownBy(() -> calendar.plusWorkingDays(d("2026-03-04"), n))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void null_dates_are_refused() {
        assertThatThrownBy(() -> calendar.isWorkingDay(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.nextWorkingDayOnOrAfter(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.plusWorkingDays(null, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkingCalendar(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_calendar_keeps_its_own_copy_of_the_exceptions() {
        Map<LocalDate, DayKind> exceptions = new HashMap<>();
        exceptions.put(d("2026-03-04"), DayKind.HOLIDAY);
        WorkingCalendar own = new WorkingCalendar(exceptions);
        exceptions.put(d("2026-03-04"), DayKind.WORKDAY);
        exceptions.put(d("2026-03-05"), DayKind.HOLIDAY);
        assertThat(own.isWorkingDay(d("2026-03-04"))).isFalse();
        assertThat(own.isWorkingDay(d("2026-03-05"))).isTrue();
    }

    @Test
    void csv_skips_the_header_and_blank_lines_and_tolerates_windows_line_ends() {
        WorkingCalendar parsed = WorkingCalendar.fromCsv(new StringReader(
                "date,kind,name\r\n2026-03-04,HOLIDAY,test\r\n\r\n2026-03-07,WORKDAY,a, name with a comma\r\n"));
        assertThat(parsed.isWorkingDay(d("2026-03-04"))).isFalse();
        assertThat(parsed.isWorkingDay(d("2026-03-07"))).isTrue();
        assertThat(parsed.isWorkingDay(d("2026-03-05"))).isTrue();
    }

    @Test
    void csv_with_only_a_header_is_the_plain_week() {
        WorkingCalendar parsed = WorkingCalendar.fromCsv(new StringReader("date,kind,name\n"));
        assertThat(parsed.isWorkingDay(d("2026-10-01"))).isTrue();
        assertThat(parsed.isWorkingDay(d("2026-10-10"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-01,HOLIDAY,x", "2026-03-04,VACATION,x", "2026-03-04", "garbage"})
    void csv_refuses_a_malformed_line_and_names_its_number(String badLine) {
        assertThatThrownBy(() -> WorkingCalendar.fromCsv(new StringReader("date,kind,name\n" + badLine + "\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void csv_refuses_the_same_date_twice() {
        assertThatThrownBy(() -> WorkingCalendar.fromCsv(new StringReader(
                "date,kind,name\n2026-03-07,WORKDAY,a\n2026-03-07,HOLIDAY,b\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3");
    }
}
