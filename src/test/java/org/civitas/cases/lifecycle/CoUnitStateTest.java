package org.civitas.cases.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Map;
import javax.sql.DataSource;
import org.civitas.demo.CaseGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A co-unit row carries its case's state and deadline (V84), so that a unit's co-handled open cases are one index
 * range in deadline order: the row takes them when it is stored and follows every later change of the case. The
 * test's cases are its own (March 2014), left closed as the generator made them.
 */
@org.civitas.test.IntegrationTest
class CoUnitStateTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;

    @Test
    void a_co_unit_row_takes_and_follows_its_cases_state_and_deadline() throws Exception {
        LocalDateTime from = LocalDateTime.of(2014, 3, 1, 8, 0);
        if (jdbc.queryForObject("select count(*) from case_file where received_at >= ? and received_at < ?",
                Long.class, from, from.plusDays(1)) == 0) {
            // finished long before "now", so they show on no other test's board
            new CaseGenerator(dataSource, new CaseGenerator.Options(3, from, from.plusDays(1), from.plusDays(30), 7L))
                    .generate(n -> { });
        }
        long id = jdbc.queryForObject("select min(id) from case_file where received_at >= ? and received_at < ?", Long.class,
                from, from.plusDays(1));
        String unit = jdbc.queryForObject("select min(code) from unit where code not in (select unit_code from "
                + "case_co_unit where case_id = ?)", String.class, id);
        jdbc.update("update case_file set status = 'DISPATCHED', handle_due_at = '2026-03-02 17:30:00' where id = ?",
                id);

        jdbc.update("insert into case_co_unit (case_id, unit_code) values (?, ?)", id, unit);
        assertThat(coRow(id, unit)).containsEntry("status", "DISPATCHED")
                .containsEntry("handle_due_at", LocalDateTime.of(2026, 3, 2, 17, 30));

        jdbc.update("update case_file set status = 'IN_PROGRESS', handle_due_at = '2026-03-09 12:00:00' where id = ?",
                id);
        assertThat(coRow(id, unit)).containsEntry("status", "IN_PROGRESS")
                .containsEntry("handle_due_at", LocalDateTime.of(2026, 3, 9, 12, 0));

        jdbc.update("update case_file set status = 'CLOSED', handle_due_at = null where id = ?", id);
        assertThat(coRow(id, unit)).containsEntry("status", "CLOSED").containsEntry("handle_due_at", null);
        // a change to other columns leaves the row alone
        jdbc.update("update case_file set address = concat(address, ' ') where id = ?", id);
        assertThat(coRow(id, unit)).containsEntry("status", "CLOSED");
    }

    private Map<String, Object> coRow(long caseId, String unit) {
        Map<String, Object> row = new java.util.HashMap<>(jdbc.queryForMap(
                "select status, handle_due_at from case_co_unit where case_id = ? and unit_code = ?", caseId, unit));
        if (row.get("handle_due_at") instanceof java.sql.Timestamp t) {
            row.put("handle_due_at", t.toLocalDateTime());
        }
        return row;
    }
}
