package org.civitas.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.civitas.geo.CityMap;
import org.civitas.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Generated cases obey the same rules as live ones: dispatch by the list, deadlines, history, on-time flags. */
@IntegrationTest
class CaseGeneratorTest {

    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;

    @Test
    void generated_cases_are_consistent_with_the_rules() throws Exception {
        long firstId = jdbc.queryForObject("select coalesce(max(id), 0) + 1 from case_file", Long.class);
        // a quiet month in 2019, far from the dates other tests use
        LocalDateTime from = LocalDateTime.of(2019, 3, 1, 0, 0);
        LocalDateTime to = LocalDateTime.of(2019, 3, 31, 23, 0);
        List<Integer> progress = new ArrayList<>();
        int n = new CaseGenerator(dataSource, new CaseGenerator.Options(2500, from, to, LocalDateTime.of(2019, 12, 31,
                12, 0), 7L)).generate(progress::add);

        assertThat(n).isEqualTo(2500);
        assertThat(progress).containsExactly(1000, 2000, 2500);
        String mine = " from case_file where id >= " + firstId;
        assertThat(count("select count(*)" + mine)).isEqualTo(2500);
        assertThat(count("select count(distinct number)" + mine)).isEqualTo(2500);
        // territorial items go to the district of the place, department items to the item's lead unit
        assertThat(count("select count(*)" + mine + " and lead_unit_code <> district_code and item_code in "
                + "(select code from list_item where responsibility in ('TERRITORIAL', 'JOINT'))")).isZero();
        assertThat(count("select count(*) from case_file c join list_item i on i.id = c.list_item_id where c.id >= "
                + firstId + " and i.responsibility = 'DEPARTMENT' and c.lead_unit_code <> i.lead_unit_code"))
                .isZero();
        // nine months later every case is finished (the longest limit is 60 working days, late ones 1.8 times that); most were rated, some closed unrated
        assertThat(count("select count(*)" + mine + " and status not in ('CLOSED', 'INVALID')")).isZero();
        assertThat(count("select count(*)" + mine + " and close_reason = 'NOT_RATED'")).isPositive();
        assertThat(count("select count(*)" + mine + " and rating is not null")).isGreaterThan(1500);
        // the on-time flag agrees with the deadline on the row
        assertThat(count("select count(*)" + mine + " and replied_on_time <> (replied_at <= handle_due_at)"))
                .isZero();
        assertThat(count("select count(*)" + mine + " and replied_on_time = false")).isPositive();
        // every case has its history, ending in the state on the row
        assertThat(count("select count(*)" + mine + " and status <> (select h.to_status from case_history h "
                + "where h.case_id = case_file.id order by h.id desc limit 1)")).isZero();
        assertThat(count("select count(*)" + mine + " and handle_due_at <= dispatched_at")).isZero();
        // every case has a point inside its district's shape (the shipped GeoJSON); districts other tests made up
        // (random codes in the shared database) have no shape and are left out
        List<String> outside = jdbc.query("select district_code, latitude, longitude" + mine, (rs, i) ->
                CityMap.wuhan().centre(rs.getString(1)).isEmpty() || rs.getBigDecimal(2) != null && CityMap.wuhan().contains(rs.getString(1), rs.getDouble(2),
                        rs.getDouble(3)) ? null : rs.getString(1) + " " + rs.getBigDecimal(2) + "," + rs.getBigDecimal(3))
                .stream().filter(java.util.Objects::nonNull).toList();
        assertThat(outside).isEmpty();
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
