package org.civitas.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import javax.sql.DataSource;
import org.civitas.demo.CaseGenerator;
import org.civitas.cases.CaseStatus;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How long the sweep takes over half a year of generated cases: the first run after a long stop (the whole open
 * backlog at once), and a steady minute. Opt-in ({@code -Dcivitas.perf=true}): it leaves thousands of open overdue
 * cases in the shared test database, which would crowd the board of the other tests.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "civitas.perf", matches = "true")
class DeadlineSweepLoadTest {

    @Autowired DeadlineSweep sweep;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void the_sweep_over_half_a_year_of_cases() throws Exception {
        int count = Integer.getInteger("civitas.perf.cases", 30_000);
        LocalDateTime now = LocalDateTime.of(2018, 12, 28, 10, 0);
        long t = System.nanoTime();
        new CaseGenerator(dataSource, new CaseGenerator.Options(count, LocalDateTime.of(2018, 7, 1, 0, 0),
                now.minusHours(1), now, 11L)).generate(n -> { });
        System.out.printf("generated %d cases in %d ms%n", count, (System.nanoTime() - t) / 1_000_000);
        System.out.printf("open cases: %d%n", jdbc.queryForObject(
                "select count(*) from case_file where status in " + CaseStatus.AWAITING_UNIT_SQL, Long.class));

        clock.set(now);
        SweepResult first = sweep.sweep();
        System.out.println("first sweep (backlog): " + first);
        clock.set(now.plusMinutes(1));
        SweepResult steady = sweep.sweep();
        System.out.println("next minute: " + steady);
        SweepResult again = sweep.sweep();
        System.out.println("same minute again: " + again);
        assertThat(again.warned() + again.overdue() + again.supervised()).isZero();

        // the worst case: the sweep was down for days and 20,000 cases are overdue at once
        int reopened = jdbc.update("""
                update case_file set status = 'IN_PROGRESS', warning_noted_at = null, overdue_noted_at = null
                where received_at >= '2018-07-01' and received_at < '2018-12-01' and status = 'CLOSED'
                  and handle_due_at is not null limit 20000""");
        clock.set(now.plusMinutes(2));
        SweepResult backlog = sweep.sweep();
        System.out.println("backlog of " + reopened + " overdue cases: " + backlog);
        clock.set(now.plusMinutes(3));
        System.out.println("the minute after: " + sweep.sweep());
        // leave them finished again, as they were
        jdbc.update("update case_file set status = 'CLOSED' where received_at >= '2018-07-01'"
                + " and received_at < '2018-12-01' and status = 'IN_PROGRESS' and closed_at is not null");
    }
}
