package org.civitas.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.civitas.demo.CaseGenerator;
import org.civitas.dashboard.DashboardService;
import org.civitas.dashboard.Overview;
import org.civitas.scoring.MonthlyScores;
import org.civitas.scoring.ScoringService;
import org.civitas.scoring.UnitScore;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * One set of figures: six months of generated cases (written past the case service, as the demo data, the load
 * generator and imports write them) are counted alike by the half-month analysis, by plain SQL over the cases, by
 * the monthly rankings and by the home page, once the daily aggregates have been rebuilt.
 *
 * <p>The cases are received in 2035, a year no other test uses, and are removed afterwards.
 */
@IntegrationTest
class FiguresAgreeTest {

    static final LocalDateTime FROM = LocalDateTime.of(2035, 1, 1, 0, 0);
    static final LocalDateTime TO = LocalDateTime.of(2035, 6, 30, 22, 0);
    static final String COUNTED = " received_at >= ? and received_at < ? and status not in ('INVALID','MERGED')";

    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;
    @Autowired CaseDaily daily;
    @Autowired CaseDailyBackfill backfill;
    @Autowired AnalysisService analysis;
    @Autowired ScoringService scoring;
    @Autowired DashboardService dashboard;
    @Autowired UserDetailsService users;
    @Autowired MutableClock clock;

    @AfterEach
    void removeTheGeneratedCases() {
        clock.reset();
        SecurityContextHolder.clearContext();
        String generated = "select id from case_file where received_at >= '2035-01-01' and received_at < '2036-01-01'";
        for (String table : new String[] {"case_history", "case_co_unit", "case_photo", "case_request",
                "supervision_order"}) {
            jdbc.update("delete from " + table + " where case_id in (" + generated + ")");
        }
        jdbc.update("delete from case_file where received_at >= '2035-01-01' and received_at < '2036-01-01'");
        daily.refresh(FROM.toLocalDate(), TO.toLocalDate().plusDays(1));
    }

    @Test
    void the_analysis_the_rankings_and_the_home_page_count_generated_cases_as_sql_does() throws Exception {
        LocalDateTime afterwards = LocalDateTime.of(2035, 7, 1, 8, 0);
        clock.set(afterwards);
        new CaseGenerator(dataSource, new CaseGenerator.Options(1_500, FROM, TO, LocalDateTime.of(2035, 7, 1, 8, 0),
                20_351_207L)).generate(n -> { });
        HalfMonth march = new HalfMonth(YearMonth.of(2035, 3), false);
        assertThat(total(as("supervisor", () -> analysis.analyse(march)))).as("before the rebuild").isZero();
        assertThat(raw("district_code", march.first(), march.last())).isNotEmpty();

        assertThat(backfill.runOnce()).as("days rebuilt").isPositive();
        assertThat(backfill.daysOutOfStep()).isEmpty();

        for (int m = 1; m <= 6; m++) {
            YearMonth month = YearMonth.of(2035, m);
            Map<String, Long> unitsInMonth = new HashMap<>();
            long monthTotal = 0;
            for (boolean second : new boolean[] {false, true}) {
                HalfMonth half = new HalfMonth(month, second);
                Analysis a = as("supervisor", () -> analysis.analyse(half));
                assertThat(counts(a.districts())).as("districts, %s", half)
                        .isEqualTo(raw("district_code", half.first(), half.last()));
                assertThat(counts(a.units())).as("units and departments, %s", half)
                        .isEqualTo(raw("lead_unit_code", half.first(), half.last()));
                a.units().forEach(v -> unitsInMonth.merge(v.code(), v.count(), Long::sum));
                monthTotal += total(a);
            }
            long sqlMonth = jdbc.queryForObject("select count(*) from case_file where" + COUNTED, Long.class,
                    month.atDay(1).atStartOfDay(), month.plusMonths(1).atDay(1).atStartOfDay());
            assertThat(monthTotal).as("analysis, %s", month).isEqualTo(sqlMonth);

            clock.set(afterwards);
            MonthlyScores scores = as("supervisor", () -> scoring.month(month));
            for (UnitScore u : scores.units()) {
                assertThat(u.cases()).as("rankings' cases of %s in %s", u.unitCode(), month)
                        .isEqualTo(unitsInMonth.getOrDefault(u.unitCode(), 0L));
            }

            clock.set(month.atEndOfMonth().atTime(23, 59, 59));
            Overview home = as("supervisor", () -> dashboard.overview());
            assertThat(home.receivedThisMonth()).as("home page, %s", month).isEqualTo(sqlMonth);
        }
    }

    private Map<String, Long> raw(String column, LocalDate first, LocalDate last) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("select coalesce(" + column + ", ''), count(*) from case_file where" + COUNTED + " group by 1",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, first.atStartOfDay(), last.plusDays(1).atStartOfDay());
        return counts;
    }

    private static Map<String, Long> counts(java.util.List<Volume> volumes) {
        Map<String, Long> counts = new HashMap<>();
        volumes.stream().filter(v -> v.count() > 0).forEach(v -> counts.put(v.code(), v.count()));
        return counts;
    }

    private static long total(Analysis a) {
        return a.districts().stream().mapToLong(Volume::count).sum();
    }

    private <T> T as(String user, java.util.function.Supplier<T> action) {
        return RunAs.account(users, user, action);
    }
}
