package org.civitas.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.cases.Reports.aReport;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Two app nodes on one database run the sweep at the same tick. ShedLock lets one of them through; and even two
 * sweeps that both get through (no lock) issue each reminder once, because the candidates are read FOR UPDATE and
 * re-checked after the first sweep commits.
 */
@IntegrationTest
class TwoNodesSweepTest {

    @Autowired DeadlineSweep sweep;
    @Autowired CaseService cases;
    @Autowired MutableClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService userDetails;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void two_scheduler_instances_at_the_same_tick_issue_each_reminder_once() throws Exception {
        List<Long> ids = overdueCases(LocalDateTime.of(2026, 5, 11, 9, 0), 5);
        twoAtOnce(sweep::run);
        assertThat(ids).allSatisfy(id -> assertThat(reminders(id)).as("reminders of case %d", id).isOne());
    }

    @Test
    void two_sweeps_that_both_get_through_still_issue_each_reminder_once() throws Exception {
        List<Long> ids = overdueCases(LocalDateTime.of(2026, 5, 18, 9, 0), 40);
        twoAtOnce(() -> sweep.sweep());
        assertThat(ids).allSatisfy(id -> assertThat(reminders(id)).as("reminders of case %d", id).isOne());
        assertThat(ids).allSatisfy(id -> assertThat(jdbc.queryForObject(
                "select count(*) from case_history where case_id = ? and action = 'REMIND'", Integer.class, id))
                .isOne());
    }

    /** {@code n} cases registered on Monday {@code at}, with the clock then on Wednesday, when they are overdue. */
    private List<Long> overdueCases(LocalDateTime at, int n) {
        clock.set(at);
        Users users = new Users(userDetails);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(users.as("operator", () -> cases.register(aReport().item("SR-04").build())).id());
        }
        clock.set(at.plusDays(2));
        return ids;
    }

    private static void twoAtOnce(Runnable job) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(nodes.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    job.run();
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            nodes.shutdownNow();
        }
    }

    private int reminders(long caseId) {
        return jdbc.queryForObject(
                "select count(*) from supervision_order where case_id = ? and level = 'REMINDER' and auto",
                Integer.class, caseId);
    }
}
