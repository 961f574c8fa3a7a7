package org.civitas.scoring;

import java.time.LocalDateTime;
import java.time.YearMonth;
import javax.sql.DataSource;
import org.civitas.demo.CaseGenerator;
import org.civitas.base.identity.AppRoles;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How long a month's scores take when the month holds as many cases as a month of a 20-million-case table (about
 * 330,000 over five years). Opt-in ({@code -Dcivitas.perf=true}, size {@code -Dcivitas.perf.cases}): it fills a
 * month of 2016 with generated cases. Measured here: about 0.9 s for the month through ix_case_month_scores (4 s
 * through ix_case_received and the table rows), 0.1 s for one unit's deductions.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "civitas.perf", matches = "true")
class ScoringLoadTest {

    @Autowired ScoringService scoring;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_month_of_a_twenty_million_case_table() throws Exception {
        int count = Integer.getInteger("civitas.perf.cases", 330_000);
        LocalDateTime now = LocalDateTime.of(2016, 4, 10, 10, 0);
        long t = System.nanoTime();
        new CaseGenerator(dataSource, new CaseGenerator.Options(count, LocalDateTime.of(2016, 3, 1, 0, 0),
                LocalDateTime.of(2016, 3, 31, 23, 0), now, 17L)).generate(n -> { });
        System.out.printf("generated %d cases in %d ms%n", count, (System.nanoTime() - t) / 1_000_000);
        jdbc.execute("analyze table case_file, case_history, supervision_order");
        clock.set(now);
        for (int run = 0; run < 3; run++) {
            t = System.nanoTime();
            MonthlyScores scores = RunAs.user("leader", () -> scoring.month(YearMonth.of(2016, 3)), AppRoles.LEADER);
            System.out.printf("month scores (%d units, %d cases) in %d ms%n", scores.units().size(),
                    scores.units().stream().mapToLong(UnitScore::cases).sum(), (System.nanoTime() - t) / 1_000_000);
        }
        t = System.nanoTime();
        int d = RunAs.user("leader", () -> scoring.deductions(YearMonth.of(2016, 3), "D05"), AppRoles.LEADER).size();
        System.out.printf("deductions of one unit (%d) in %d ms%n", d, (System.nanoTime() - t) / 1_000_000);
    }
}
