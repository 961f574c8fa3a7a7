package org.civitas.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.civitas.base.RuleViolation;
import org.civitas.base.i18n.TranslationProvider;
import org.civitas.test.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;

@IntegrationTest
class CalendarServiceTest {

    /** Friday 1 January 2027 is not in the shipped notices (2016–2026), so 2027 is free for these tests. */
    static final LocalDate MONDAY = LocalDate.of(2027, 1, 4);

    static final String NOTICE_2027 = """
            date,kind,name
            2027-01-01,HOLIDAY,元旦
            2027-02-06,WORKDAY,春节
            2027-02-08,HOLIDAY,春节
            2027-02-09,HOLIDAY,春节
            """;

    @Autowired CalendarService calendar;
    @Autowired JdbcTemplate jdbc;
    @Autowired TranslationProvider translations;

    @AfterEach
    void removeTheTestYear() {
        jdbc.update("delete from calendar_day where day >= '2027-01-01' and day < '2028-01-01'");
        calendar.invalidate();
    }

    @Test
    @WithMockUser(username = "cal.admin", roles = "ADMIN")
    void the_table_holds_every_day_of_the_published_notices() throws IOException {
        List<String> stored = IntStream.rangeClosed(2016, 2026).boxed()
                .flatMap(y -> calendar.days(y).stream())
                .map(d -> d.date() + "," + d.kind() + "," + d.name()).toList();
        assertThat(stored).containsExactlyElementsOf(referenceLines());

        WorkingCalendar reference = ReferenceCalendar.load();
        WorkingCalendar current = calendar.workingCalendar();
        LocalDate.of(2016, 1, 1).datesUntil(LocalDate.of(2027, 1, 1)).forEach(d ->
                assertThat(current.isWorkingDay(d)).as(d.toString()).isEqualTo(reference.isWorkingDay(d)));
    }

    @Test
    @WithMockUser(username = "cal.admin", roles = "ADMIN")
    void declaring_a_monday_a_holiday_makes_it_a_day_off_and_the_change_is_audited() {
        LocalDateTime fridayMorning = LocalDateTime.of(2027, 1, 1, 10, 0);
        assertThat(calendar.workingCalendar().isWorkingDay(MONDAY)).isTrue();
        assertThat(calendar.deadlineCalculator().handleDue(fridayMorning, 1, LimitUnit.WORKING_DAYS))
                .isEqualTo(MONDAY.atTime(17, 30));

        CalendarDayRow added = calendar.add(MONDAY, DayKind.HOLIDAY, " 测试假日 ");

        assertThat(added.name()).isEqualTo("测试假日");
        assertThat(calendar.workingCalendar().isWorkingDay(MONDAY)).isFalse();
        assertThat(calendar.deadlineCalculator().handleDue(fridayMorning, 1, LimitUnit.WORKING_DAYS))
                .isEqualTo(MONDAY.plusDays(1).atTime(17, 30));
        Map<String, Object> addedRow = auditRow("CALENDAR_DAY_ADDED", "2027-01-04");
        assertThat(addedRow.get("actor")).isEqualTo("cal.admin");
        assertThat(addedRow.get("target_type")).isEqualTo("calendar_day");
        assertThat(addedRow.get("before_data")).isNull();
        assertThat((String) addedRow.get("after_data")).contains("2027-01-04").contains("HOLIDAY").contains("测试假日");

        calendar.remove(MONDAY);

        assertThat(calendar.workingCalendar().isWorkingDay(MONDAY)).isTrue();
        assertThat(calendar.days(2027)).isEmpty();
        Map<String, Object> removedRow = auditRow("CALENDAR_DAY_REMOVED", "2027-01-04");
        assertThat((String) removedRow.get("before_data")).contains("HOLIDAY").contains("测试假日");
        assertThat(removedRow.get("after_data")).isNull();
    }

    @Test
    @WithMockUser(username = "cal.admin", roles = "ADMIN")
    void a_make_up_working_day_on_a_weekday_is_refused_and_nothing_changes() {
        int audits = auditCount();
        assertThatThrownBy(() -> calendar.add(MONDAY, DayKind.WORKDAY, "补班"))
                .isInstanceOfSatisfying(RuleViolation.class,
                        v -> assertThat(v.key()).isEqualTo("calendar.error.workdayOnWeekday"));
        assertThat(calendar.days(2027)).isEmpty();
        assertThat(auditCount()).isEqualTo(audits);
    }

    @Test
    @WithMockUser(username = "cal.admin", roles = "ADMIN")
    void a_make_up_working_day_on_a_saturday_opens_it_and_a_holiday_may_fall_on_a_weekend() {
        LocalDate saturday = LocalDate.of(2027, 1, 2);
        LocalDate sunday = LocalDate.of(2027, 1, 3);
        calendar.add(saturday, DayKind.WORKDAY, "补班");
        calendar.add(sunday, DayKind.HOLIDAY, "周日假日");
        assertThat(calendar.workingCalendar().isWorkingDay(saturday)).isTrue();
        assertThat(calendar.workingCalendar().isWorkingDay(sunday)).isFalse();
    }

    @Test
    @WithMockUser(username = "cal.admin", roles = "ADMIN")
    void a_date_already_in_the_calendar_is_refused() {
        assertThatThrownBy(() -> calendar.add(LocalDate.of(2026, 10, 1), DayKind.HOLIDAY, "国庆节"))
                .isInstanceOfSatisfying(RuleViolation.class,
                        v -> assertThat(v.key()).isEqualTo("calendar.error.duplicate"));
    }

    @Test
    @WithMockUser(username = "cal.admin", roles = "ADMIN")
    void importing_a_notice_replaces_the_days_of_its_year() {
        calendar.add(MONDAY, DayKind.HOLIDAY, "旧条目");

        CalendarImportSummary summary = calendar.importCsv(csv(NOTICE_2027));

        assertThat(summary).isEqualTo(new CalendarImportSummary(List.of(2027), 3, 1));
        assertThat(calendar.days(2027)).extracting(CalendarDayRow::date).containsExactly(
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 6), LocalDate.of(2027, 2, 8), LocalDate.of(2027, 2, 9));
        WorkingCalendar current = calendar.workingCalendar();
        assertThat(current.isWorkingDay(MONDAY)).as("replaced").isTrue();
        assertThat(current.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(current.isWorkingDay(LocalDate.of(2027, 2, 6))).as("make-up Saturday").isTrue();
        assertThat(calendar.days(2026)).as("other years untouched").hasSize(referenceCount("2026-"));
        Map<String, Object> row = auditRow("CALENDAR_YEAR_IMPORTED", "2027");
        assertThat((String) row.get("before_data")).contains("旧条目");
        assertThat((String) row.get("after_data")).contains("2027-02-06").doesNotContain("旧条目");
    }

    @Test
    @WithMockUser(username = "cal.admin", roles = "ADMIN")
    void a_file_with_a_bad_line_3_is_refused_naming_line_3_and_nothing_changes() {
        calendar.importCsv(csv(NOTICE_2027));
        int audits = auditCount();
        String bad = """
                date,kind,name
                2027-01-01,HOLIDAY,元旦
                2027-02-30,HOLIDAY,春节
                2027-10-01,HOLIDAY,国庆节
                """;

        assertThatThrownBy(() -> calendar.importCsv(csv(bad))).isInstanceOfSatisfying(RuleViolation.class, v -> {
            assertThat(v.key()).isEqualTo("calendar.import.error.date");
            assertThat(v.args()[0]).isEqualTo(3);
            assertThat(translations.getTranslation(v.key(), TranslationProvider.CHINESE, v.args()))
                    .startsWith("第 3 行").contains("2027-02-30");
        });
        assertThat(calendar.days(2027)).hasSize(4);
        assertThat(calendar.workingCalendar().isWorkingDay(LocalDate.of(2027, 10, 1))).isTrue();
        assertThat(auditCount()).isEqualTo(audits);
    }

    @Test
    @WithMockUser(username = "clerk", roles = "UNIT_CLERK")
    void a_unit_clerk_reads_the_calendar_but_cannot_change_it() {
        assertThat(calendar.workingCalendar().isWorkingDay(MONDAY)).isTrue();
        assertThatThrownBy(() -> calendar.add(MONDAY, DayKind.HOLIDAY, "x")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> calendar.days(2027)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> calendar.importCsv(csv(NOTICE_2027))).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("select count(*) from calendar_day where day = ?", Integer.class, MONDAY))
                .isZero();
    }

    @Test
    void scheduled_jobs_read_the_calendar_without_a_signed_in_user() {
        SecurityContextHolder.clearContext();
        assertThat(calendar.workingCalendar().isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
        assertThat(calendar.deadlineCalculator().handleDue(LocalDateTime.of(2026, 9, 30, 9, 0), 1,
                LimitUnit.WORKING_DAYS)).isEqualTo(LocalDateTime.of(2026, 10, 8, 17, 30));
    }

    private Map<String, Object> auditRow(String action, String targetId) {
        List<Map<String, Object>> rows = jdbc.queryForList("select actor, target_type, before_data, after_data "
                + "from audit_log where action = ? and target_id = ? order by id desc", action, targetId);
        assertThat(rows).as(action + " " + targetId).isNotEmpty();
        return rows.get(0);
    }

    private int auditCount() {
        return jdbc.queryForObject("select count(*) from audit_log", Integer.class);
    }

    private static InputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> referenceLines() throws IOException {
        try (InputStream in = CalendarServiceTest.class.getResourceAsStream(ReferenceCalendar.PATH)) {
            List<String> lines = new ArrayList<>(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank()).toList());
            lines.remove(0);
            return lines;
        }
    }

    private static int referenceCount(String prefix) {
        try {
            return (int) referenceLines().stream().filter(l -> l.startsWith(prefix)).count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
