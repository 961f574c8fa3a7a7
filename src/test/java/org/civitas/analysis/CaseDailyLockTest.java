package org.civitas.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.civitas.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The refresh of a day's aggregates reads the day's cases without locking them: a clerk's change to one of them,
 * still open, neither holds the refresh up nor is held up by it (at REPEATABLE READ its INSERT … SELECT waited for
 * every such change, and the deadline sweep's UPDATE deadlocked with it: docs/benchmarks.md).
 */
@IntegrationTest
class CaseDailyLockTest {

    @Autowired CaseDaily daily;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;

    @Test
    void a_refresh_does_not_wait_for_a_case_of_its_day_being_changed() throws Exception {
        long id = jdbc.queryForObject("select min(id) from case_file where status not in ('INVALID', 'MERGED')",
                Long.class);
        LocalDate day = jdbc.queryForObject("select cast(received_at as date) from case_file where id = ?",
                LocalDate.class, id);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection clerk = dataSource.getConnection()) {
            clerk.setAutoCommit(false);
            try (PreparedStatement change = clerk.prepareStatement(
                    "update case_file set version = version + 1 where id = ?")) {
                change.setLong(1, id);
                assertThat(change.executeUpdate()).isOne();
            }
            // the row is locked by the open change; the refresh of its day must finish all the same
            Future<?> refresh = pool.submit(() -> daily.refresh(day, day));
            refresh.get(15, TimeUnit.SECONDS);
            assertThat(jdbc.queryForObject("select count(*) from case_daily where day = ?", Integer.class, day))
                    .isPositive();
            clerk.rollback();
        } finally {
            pool.shutdownNow();
        }
    }
}
