package org.civitas.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import org.civitas.cases.CaseDetails;
import org.civitas.demo.CaseGenerator;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.cases.Reports;
import org.civitas.base.identity.AppRoles;
import org.civitas.test.RunAs;
import org.civitas.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The daily aggregates equal the raw figures of case_file on generated cases (June 2017, used by no other test). */
@IntegrationTest
class CaseDailyTest {

    static final LocalDate FROM = LocalDate.of(2017, 6, 1);
    static final LocalDate TO = LocalDate.of(2017, 6, 20);

    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;
    @Autowired CaseDaily daily;
    @Autowired CaseService cases;

    static final String RAW = """
            select cast(received_at as date) day, coalesce(district_code, '') d, coalesce(street_code, '') s,
                   coalesce(item_code, '') i, lead_unit_code u, channel c, count(*) n,
                   sum(replied_on_time is not null) replied, sum(coalesce(replied_on_time, 0)) on_time,
                   sum(rating is not null) rated, sum(coalesce(rating in ('SATISFIED', 'BASICALLY_SATISFIED'), 0)) sat,
                   sum(coalesce(solved, 0)) solved, sum(coalesce(signed_on_time, 0)) signed
            from case_file where received_at >= ? and received_at < ? and status not in ('INVALID', 'MERGED')
            group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6""";

    static final String AGGREGATED = """
            select day, district_code d, street_code s, item_code i, nullif(unit_code, '') u, channel c,
                   sum(received) n, sum(replied) replied, sum(replied_on_time) on_time, sum(rated) rated,
                   sum(satisfied) sat, sum(solved) solved, sum(signed_on_time) signed
            from case_daily where day between ? and ?
            group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6""";

    @Test
    void aggregates_equal_the_raw_queries_and_a_refresh_is_idempotent() throws Exception {
        int n = new CaseGenerator(dataSource, new CaseGenerator.Options(3000, FROM.atStartOfDay(),
                TO.atTime(23, 0), LocalDateTime.of(2017, 7, 15, 12, 0), 17L)).generate(i -> { }); // generator bypasses events
        assertThat(n).isEqualTo(3000);
        daily.refresh(FROM, TO);
        List<Map<String, Object>> raw = jdbc.queryForList(RAW, FROM.atStartOfDay(), TO.plusDays(1).atStartOfDay());
        assertThat(raw).hasSizeGreaterThan(100);
        assertThat(normalise(jdbc.queryForList(AGGREGATED, FROM, TO))).isEqualTo(normalise(raw));

        // a changed case, its day marked dirty, is counted again after refreshDirty; a second refresh changes nothing
        jdbc.update("update case_file set rating = null where received_at >= ? and received_at < ? and rating is not null"
                + " limit 5", FROM.plusDays(3).atStartOfDay(), FROM.plusDays(4).atStartOfDay());
        jdbc.update("insert ignore into case_daily_dirty (day) values (?)", FROM.plusDays(3));
        daily.refreshDirty();
        daily.refresh(FROM, TO);
        raw = jdbc.queryForList(RAW, FROM.atStartOfDay(), TO.plusDays(1).atStartOfDay());
        assertThat(normalise(jdbc.queryForList(AGGREGATED, FROM, TO))).isEqualTo(normalise(raw));
        Long total = jdbc.queryForObject("select sum(received) from case_daily where day between ? and ?", Long.class,
                FROM, TO);
        Long rawTotal = jdbc.queryForObject("select count(*) from case_file where received_at >= ? and received_at < ?"
                + " and status not in ('INVALID', 'MERGED')", Long.class, FROM.atStartOfDay(), TO.plusDays(1).atStartOfDay());
        assertThat(total).isEqualTo(rawTotal).isGreaterThan(2000L);
    }

    @Test
    void a_case_saved_through_the_case_service_marks_its_received_day_dirty() {
        CaseDetails c = RunAs.user("operator", () -> cases.register(Reports.aReport().item("SR-04").build()),
                AppRoles.OPERATOR);
        assertThat(jdbc.queryForList("select day from case_daily_dirty", LocalDate.class))
                .contains(c.receivedAt().toLocalDate());
    }

    /** Same values whatever numeric types the two queries return. */
    private static List<List<String>> normalise(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> r.values().stream().map(v -> v == null ? "" : v.toString()).toList()).toList();
    }
}
