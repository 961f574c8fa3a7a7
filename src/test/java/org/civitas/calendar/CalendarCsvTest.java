package org.civitas.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.civitas.base.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The holiday notice file: every line checked, the first wrong one named by its line number. */
class CalendarCsvTest {

    @Test
    void the_shipped_reference_file_is_a_valid_notice() throws IOException {
        try (InputStream in = getClass().getResourceAsStream(ReferenceCalendar.PATH)) {
            assertThat(CalendarCsv.parse(in.readAllBytes())).hasSizeGreaterThan(300);
        }
    }

    @Test
    void a_byte_order_mark_crlf_quotes_and_blank_lines_are_accepted() {
        var days = CalendarCsv.parse("\uFEFFdate,kind,name\r\n\r\n2027-01-01,holiday,\"元旦\"\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(days).containsExactly(new CalendarDayRow(LocalDate.of(2027, 1, 1), DayKind.HOLIDAY, "元旦",
                LocalDate.of(2027, 1, 1).getDayOfWeek()));
    }

    @Test
    void a_quoted_name_may_hold_commas_quotes_and_spaces_around_it() {
        var days = CalendarCsv.parse("date,kind,name\n2027-01-01, HOLIDAY , \"元旦,\"\"新年\"\"\" \n"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(days).extracting(CalendarDayRow::name).containsExactly("元旦,\"新年\"");
    }

    @Test
    void lines_are_counted_as_an_editor_counts_them_across_a_quoted_line_break() {
        String file = "date,kind,name\r\n2027-01-02,WORKDAY,\"补\r\n班\"\r\n2027-01-01,HOLIDAY,\r\n";
        assertThatThrownBy(() -> CalendarCsv.parse(file.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.key()).isEqualTo("calendar.import.error.name");
                    assertThat(v.args()[0]).isEqualTo(4);
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2027-13-01,HOLIDAY,x | calendar.import.error.date",
            "2027-01-01,FEIERTAG,x | calendar.import.error.kind",
            "2027-01-01,HOLIDAY, | calendar.import.error.name",
            "2027-01-01,HOLIDAY | calendar.import.error.columns",
            "2027-01-04,WORKDAY,补班 | calendar.import.error.workdayOnWeekday",
            "2027-01-02,WORKDAY,补班 | calendar.import.error.duplicate",
            "2027-01-01,HOLIDAY,元旦,新年 | calendar.import.error.columns",
            "2027-01-01,HOLIDAY,\"元旦\"x | calendar.import.error.columns"})
    void a_wrong_third_line_is_named(String third, String key) {
        String file = "date,kind,name\n2027-01-02,WORKDAY,补班\n\n" + third + "\n";
        assertThatThrownBy(() -> CalendarCsv.parse(file.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.key()).isEqualTo(key);
                    assertThat(v.args()[0]).as("line number, counting the blank line").isEqualTo(4);
                });
    }

    @Test
    void a_missing_header_is_refused() {
        assertThatThrownBy(() -> CalendarCsv.parse("2027-01-01,HOLIDAY,元旦\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        v -> assertThat(v.key()).isEqualTo("calendar.import.error.header"));
    }

    @Test
    void a_file_without_days_is_refused() {
        assertThatThrownBy(() -> CalendarCsv.parse("date,kind,name\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        v -> assertThat(v.key()).isEqualTo("calendar.import.error.empty"));
    }

    @Test
    void a_file_saved_as_gbk_is_refused_rather_than_stored_garbled() {
        byte[] gbk = "date,kind,name\n2027-01-01,HOLIDAY,元旦\n".getBytes(Charset.forName("GBK"));
        assertThatThrownBy(() -> CalendarCsv.parse(gbk)).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.key()).isEqualTo("calendar.import.error.encoding"));
    }

    @Test
    void a_file_over_one_megabyte_is_refused() {
        assertThatThrownBy(() -> CalendarCsv.parse(new byte[CalendarCsv.MAX_BYTES + 1]))
                .isInstanceOfSatisfying(RuleViolation.class,
                        v -> assertThat(v.key()).isEqualTo("calendar.import.error.tooLarge"));
    }
}
