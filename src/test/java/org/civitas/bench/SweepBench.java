package org.civitas.bench;

import static org.civitas.bench.Bench.ms;
import static org.civitas.bench.Bench.ratio;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.LocalDateTime;
import javax.sql.DataSource;
import org.civitas.demo.CaseLoad;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The deadline sweep's measures (docs/benchmarks.md): the open cases as loaded, a backlog, a million open. */
@BenchContext
class SweepBench {

    static final String AWAITING = "('DISPATCHED','IN_PROGRESS','RETURN_REQUESTED')";
    static final int SWEEP_CLERKS = Integer.parseInt(Bench.env("BENCH_SWEEP_CLERKS", "0"));

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;

    @BeforeAll
    static void ready(@Autowired DataSource ds) throws Exception {
        Bench.load(ds);
    }

    private Object sweepBean() throws ClassNotFoundException {
        return org.springframework.test.util.AopTestUtils.getTargetObject(
                context.getBean(Class.forName("org.civitas.supervision.DeadlineSweep")));
    }

    /** {@code DeadlineSweep.sweep()}, package-private: one sweep at the clock's now. */
    private static Method sweepMethod() throws ReflectiveOperationException {
        Method m = Class.forName("org.civitas.supervision.DeadlineSweep").getDeclaredMethod("sweep");
        m.setAccessible(true);
        return m;
    }

    @Test
    void deadline_sweep_over_the_open_cases() throws Exception {
        sweep("20-sweep", 0);
    }

    /**
     * A city whose units stopped answering: {@code OVERDUE} closed cases are put back to "in progress" and overdue
     * for the run (saved before, restored after), so the sweep has that many reminders and orders to issue.
     */
    @Test
    void deadline_sweep_over_a_backlog_of_overdue_cases() throws Exception {
        int overdue = Integer.parseInt(Bench.env("BENCH_SWEEP_OVERDUE", "20000"));
        jdbc.execute("drop table if exists bench_sweep_saved");
        jdbc.execute("create table bench_sweep_saved as select id, status, handle_due_at, warn_at, warning_noted_at, "
                + "overdue_noted_at from case_file where status = 'CLOSED' and lead_unit_code is not null "
                + "order by id limit " + overdue);
        LocalDateTime now = LocalDateTime.now();
        jdbc.update("update case_file c join bench_sweep_saved s on s.id = c.id set c.status = 'IN_PROGRESS', "
                + "c.handle_due_at = ?, c.warn_at = ?", now.minusDays(5), now.minusDays(6));
        try {
            sweep("21-sweep-backlog", overdue);
        } finally {
            jdbc.update("update case_file c join bench_sweep_saved s on s.id = c.id set c.status = s.status, "
                    + "c.handle_due_at = s.handle_due_at, c.warn_at = s.warn_at, "
                    + "c.warning_noted_at = s.warning_noted_at, c.overdue_noted_at = s.overdue_noted_at");
            jdbc.execute("drop table bench_sweep_saved");
        }
    }

    /**
     * The target as stated: a sweep over a million open cases. Until {@code BENCH_SWEEP_OPEN} cases (default
     * 1,000,000) are open, cases received over the last five days are generated (the newest of a city with a million
     * cases in progress; they stay in the database). Then two sweeps as the schedule runs them: the first meets
     * everything that came due before it (the catch-up after an outage, or after this load), the second runs one tick
     * (a minute) later and meets what came due in that minute. Beside each: the sweep's two candidate queries (warning
     * and overdue, without the row locks) run just before it.
     */
    @Test
    void deadline_sweep_over_a_million_open_cases() throws Exception {
        int size = Integer.parseInt(Bench.env("BENCH_SWEEP_OPEN", "1000000"));
        long open = countOpen();
        long added = 0;
        long t0 = System.nanoTime();
        while (open < size) {
            int batch = (int) Math.min(500_000, Math.max(50_000, (size - open) * 5 / 4));
            added += CaseLoad.addRecent(dataSource, batch, Duration.ofDays(5), LocalDateTime.now(), System.out);
            open = countOpen();
        }
        if (added > 0) {
            Bench.note("22-sweep-open", String.format("For the million-open sweep, %,d cases received over the five "
                    + "days before the run were generated in %.0f s; %,d cases were then open.", added,
                    (System.nanoTime() - t0) / 1e9, open));
        }
        addBenchClerks();
        try {
            timedSweep("22-sweep-open-first", "the first sweep over the %,d open cases after the load (catch-up: "
                    + "everything due before it)", null);
            Thread.sleep(60_000);
            timedSweep("23-sweep-open", "deadline sweep over the %,d open cases one schedule tick (a minute) after "
                    + "the previous sweep", "< 5 s at 1 M open");
        } finally {
            removeBenchClerks();
        }
    }

    private long countOpen() {
        return jdbc.queryForObject("select count(*) from case_file where status in " + AWAITING, Long.class);
    }

    /** One sweep as the schedule runs it (nothing reset), beside its candidate queries run just before. */
    private void timedSweep(String key, String measure, String target) throws Exception {
        long open = countOpen();
        LocalDateTime now = LocalDateTime.now();
        long t0 = System.nanoTime();
        long warn = jdbc.queryForObject("select count(*) from case_file where status in " + AWAITING
                + " and warn_at <= ? and lead_unit_code is not null and (warning_noted_at is null "
                + "or warning_noted_at < warn_at or warning_noted_at < dispatched_at)", Long.class, now);
        long overdue = jdbc.queryForObject("select count(*) from case_file where status in " + AWAITING
                + " and handle_due_at < ? and lead_unit_code is not null and (overdue_noted_at is null "
                + "or overdue_noted_at <= handle_due_at or overdue_noted_at < dispatched_at)", Long.class, now);
        double raw = (System.nanoTime() - t0) / 1e6;
        long t1 = System.nanoTime();
        Object result = sweepMethod().invoke(sweepBean());
        double civitas = (System.nanoTime() - t1) / 1e6;
        Bench.row(key, String.format(measure, open) + " (" + result + ")", ms(civitas),
                String.format("its two candidate queries without locks (%,d to warn, %,d overdue): %s", warn, overdue,
                        ms(raw)), ratio(civitas, raw), target == null ? "—" : target,
                target == null ? null : open >= 1_000_000 && civitas < 5000);
    }

    private void sweep(String key, int backlog) throws Exception {
        Object sweep = sweepBean();
        Method m = sweepMethod();
        String awaiting = AWAITING;
        String reset = "update case_file set warning_noted_at = null, overdue_noted_at = null where status in "
                + awaiting;
        Long open = jdbc.queryForObject("select count(*) from case_file where status in " + awaiting, Long.class);
        jdbc.update(reset);
        jdbc.update("delete from supervision_order where auto and issued_by = 'system'");
        addBenchClerks();
        Object result;
        double civitas;
        long notices;
        try {
            long t0 = System.nanoTime();
            result = m.invoke(sweep);
            civitas = (System.nanoTime() - t0) / 1e6;
        } finally {
            notices = removeBenchClerks();
        }
        jdbc.update(reset);
        LocalDateTime now = LocalDateTime.now();
        long t1 = System.nanoTime();
        int warned = jdbc.update("update case_file set warning_noted_at = ? where status in " + awaiting
                + " and warn_at <= ? and lead_unit_code is not null", now, now);
        int overdue = jdbc.update("update case_file set overdue_noted_at = ? where status in " + awaiting
                + " and handle_due_at < ? and lead_unit_code is not null", now, now);
        double raw = (System.nanoTime() - t1) / 1e6;
        // the cost grows with the cases the sweep acts on (warned + overdue), not with the open cases it skips
        double perMillion = civitas / Math.max(1, warned + overdue) * 1_000_000 / 1000;
        Bench.row(key, String.format("deadline sweep (`DeadlineSweep`) over the %,d open cases%s (%s%s)", open,
                        backlog > 0 ? String.format(", %,d of them made overdue for the run", backlog) : "",
                        result, SWEEP_CLERKS > 0 ? String.format("; %d clerk(s) per unit: %,d notices", SWEEP_CLERKS,
                                notices) : ""), ms(civitas),
                String.format("two bare `UPDATE … WHERE` (%,d warned, %,d overdue): %s", warned, overdue, ms(raw)),
                ratio(civitas, raw), backlog > 0
                        ? String.format("none: a catch-up, not a tick (the target is a tick's, next rows); ≈ %.2f ms "
                        + "per case acted on", civitas / Math.max(1, warned + overdue))
                        : open >= 1_000_000 ? "< 5 s at 1 M open"
                        : String.format("< 5 s at 1 M open (≈ %,.0f s if all 1 M were overdue, linear in the rows "
                        + "acted on)", perMillion), backlog > 0 ? null
                        : open >= 1_000_000 ? civitas < 5000 : perMillion < 5);
    }

    /**
     * {@code BENCH_SWEEP_CLERKS} clerks per active unit for the sweep measures (default none: the generated database
     * has no users, so the sweep then writes no notices), removed after the run with every notice they got.
     */
    private void addBenchClerks() {
        if (SWEEP_CLERKS <= 0) {
            return;
        }
        jdbc.update("insert into app_user (username, display_name, password_hash, unit_code, enabled, "
                + "password_changed_at, created_at) select concat('bench.clerk.', u.code, '.', s.seq), "
                + "concat('bench ', u.code), '{noop}x', u.code, true, now(), now() from unit u "
                + "join seq_1_to_" + SWEEP_CLERKS + " s where u.active");
        jdbc.update("insert into app_user_role (user_id, role) select id, 'UNIT_CLERK' from app_user "
                + "where username like 'bench.clerk.%'");
    }

    /** Removes the bench clerks and their notices; returns how many notices they had. */
    private long removeBenchClerks() {
        if (SWEEP_CLERKS <= 0) {
            return 0;
        }
        long notices = jdbc.update("delete from notification where recipient like 'bench.clerk.%'");
        jdbc.update("delete from app_user where username like 'bench.clerk.%'");
        return notices;
    }
}
