package org.civitas.analysis;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.civitas.cases.CasesGenerated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds the daily aggregates for every received day whose cases they do not count exactly, whatever wrote the cases:
 * the demo generator, {@code --civitas.generate}, an import, a migration. The case service keeps the days it touches
 * in step ({@link CaseDaily}); this finds the rest by comparing each day's case count with the aggregates' count,
 * at start-up in the background and after a bulk generation before it exits, one node at a time (ShedLock), with
 * progress in the log.
 * While it runs the analysis page says so ({@link #progress()}).
 */
@Component
public class CaseDailyBackfill {

    private static final Logger log = LoggerFactory.getLogger(CaseDailyBackfill.class);
    static final String LOCK = "case-daily-backfill";
    /** Days refreshed in one transaction: a week of a busy city is a few hundred thousand cases. */
    private static final int DAYS_PER_STEP = 7;

    /**
     * Whether a rebuild is under way (here or on another node) and, when here, how far it has come: days done of days
     * to do ({@code total} 0 when it runs elsewhere).
     */
    public record Progress(boolean underWay, int done, int total) {
    }

    private final JdbcTemplate jdbc;
    private final CaseDaily daily;
    private final LockingTaskExecutor locks;
    private final boolean onStart;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger total = new AtomicInteger();

    CaseDailyBackfill(JdbcTemplate jdbc, CaseDaily daily, LockProvider lockProvider,
                      @Value("${civitas.analysis.backfill-on-start:true}") boolean onStart) {
        this.jdbc = jdbc;
        this.daily = daily;
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
        this.onStart = onStart;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (onStart) {
            inBackground();
        }
    }

    /** The load generator exits once its cases are written: their days are built before it does. */
    @EventListener
    void onGenerated(CasesGenerated generated) {
        runOnce();
    }

    private void inBackground() {
        Thread worker = new Thread(this::runOnce, "case-daily-backfill");
        worker.setDaemon(true);
        worker.start();
    }

    /** Runs the rebuild unless another node holds it; returns the days rebuilt here. */
    public int runOnce() {
        try {
            LockingTaskExecutor.TaskResult<Integer> result = locks.executeWithLock(this::rebuild,
                    new LockConfiguration(ClockProvider.now(), LOCK, Duration.ofHours(6), Duration.ZERO));
            return result.wasExecuted() ? Objects.requireNonNullElse(result.getResult(), 0) : 0;
        } catch (Throwable e) {
            log.error("Daily aggregates: rebuild failed", e);
            return 0;
        }
    }

    /** Whether a rebuild is under way on this node or another one, and how far this node's has come. */
    public Progress progress() {
        int days = total.get();
        if (days > 0) {
            return new Progress(true, done.get(), days);
        }
        Integer held = jdbc.queryForObject(
                "select count(*) from shedlock where name = ? and lock_until > utc_timestamp(3)", Integer.class, LOCK);
        return new Progress(held != null && held > 0, 0, 0);
    }

    /** The received days whose cases the aggregates do not count exactly, oldest first. */
    List<LocalDate> daysOutOfStep() {
        Map<LocalDate, Long> cases = new HashMap<>();
        jdbc.query("""
                select cast(received_at as date), count(*) from case_file force index (ix_case_month_scores)
                where status not in ('INVALID', 'MERGED') group by 1""",
                rs -> {
                    cases.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
                });
        Map<LocalDate, Long> counted = new HashMap<>();
        jdbc.query("select day, sum(received) from case_daily group by day",
                rs -> {
                    counted.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
                });
        TreeSet<LocalDate> days = new TreeSet<>();
        cases.forEach((day, n) -> {
            if (!n.equals(counted.get(day))) {
                days.add(day);
            }
        });
        counted.keySet().stream().filter(day -> !cases.containsKey(day)).forEach(days::add);
        return new ArrayList<>(days);
    }

    private int rebuild() {
        long started = System.nanoTime();
        List<LocalDate> days = daysOutOfStep();
        if (days.isEmpty()) {
            return 0;
        }
        log.info("Daily aggregates: {} days out of step with the cases ({} … {}), rebuilding", days.size(),
                days.get(0), days.get(days.size() - 1));
        done.set(0);
        total.set(days.size());
        try {
            int i = 0;
            int logged = 0;
            while (i < days.size()) {
                // a run of consecutive days, at most a week, in one refresh
                int j = i + 1;
                while (j < days.size() && j - i < DAYS_PER_STEP && days.get(j).equals(days.get(j - 1).plusDays(1))) {
                    j++;
                }
                daily.refresh(days.get(i), days.get(j - 1));
                done.set(j);
                i = j;
                if (i - logged >= 30 && i < days.size()) {
                    log.info("Daily aggregates: {} of {} days rebuilt", i, days.size());
                    logged = i;
                }
            }
            log.info("Daily aggregates: {} days rebuilt in {} s", days.size(), (System.nanoTime() - started) / 1_000_000_000);
            return days.size();
        } finally {
            total.set(0);
            done.set(0);
        }
    }
}
