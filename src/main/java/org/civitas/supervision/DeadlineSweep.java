package org.civitas.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.civitas.base.NodeName;
import org.civitas.calendar.CalendarService;
import org.civitas.calendar.DeadlineCalculator;
import org.civitas.calendar.LimitUnit;
import org.civitas.cases.CaseAction;
import org.civitas.cases.CaseStatus;
import org.civitas.cases.lifecycle.SupervisionRecords;
import org.civitas.base.identity.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The deadline sweep (docs/design.md §5–6), every minute by default and once per tick across app nodes (ShedLock):
 * <ol>
 * <li>notes the open cases that entered their warning window;</li>
 * <li>notes the cases that went overdue and issues each an automatic reminder (催办);</li>
 * <li>issues an automatic supervision order (督办) for each case overdue by
 * {@code civitas.supervision.auto-after-working-days} working days that has none for its current deadline.</li>
 * </ol>
 * Each step is set-based SQL in its own transaction: the candidate rows are read with {@code FOR UPDATE} (so a unit
 * replying at the same moment either commits first and is left out, or waits), then marked, and the orders and
 * history rows are written with {@code INSERT … SELECT} (the marks and the history by the cases feature, whose
 * tables they are: {@link SupervisionRecords}). A mark counts only for the deadline it was made for, so
 * running the sweep again changes nothing, and a re-dispatched or extended case is watched afresh.
 *
 * <p>Each step announces what it did in one event carrying all its cases ({@link CasesWarned}, {@link CasesOverdue},
 * {@link CasesSupervised}), never one per case: a backlog of thousands of cases is then one batch of notifications
 * and one push, not thousands of listener calls (docs/benchmarks.md).
 *
 * <p>A sweep that finished records itself in {@code job_run} (the health check and the metrics of every node read it:
 * {@link SweepHealth}) and in this node's {@code civitas.sweep.duration} timer.
 */
@Component
class DeadlineSweep {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSweep.class);
    static final String REMINDER_REASON = "supervision.reason.overdue";
    static final String SUPERVISION_REASON = "supervision.reason.autoSupervision";
    private static final int CHUNK = 1000;
    private static final RowMapper<SweptCase> CANDIDATE = (rs, i) -> new SweptCase(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getTimestamp(4).toLocalDateTime());

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final CalendarService calendar;
    private final ApplicationEventPublisher events;
    private final SupervisionRecords records;
    private final Clock clock;
    private final int autoAfterWorkingDays;
    private final int answerWorkingDays;
    private final Timer duration;
    private final String node;

    DeadlineSweep(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions, CalendarService calendar,
                  ApplicationEventPublisher events, SupervisionRecords records, Clock clock, MeterRegistry meters,
                  @Value("${civitas.supervision.auto-after-working-days:2}") int autoAfterWorkingDays,
                  @Value("${civitas.supervision.answer-working-days:1}") int answerWorkingDays,
                  @Value("${civitas.node.route:}") String route) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        // no gap locks on the deadline index: new cases keep arriving while the sweep runs
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.calendar = calendar;
        this.events = events;
        this.records = records;
        this.clock = clock;
        this.autoAfterWorkingDays = autoAfterWorkingDays;
        this.answerWorkingDays = answerWorkingDays;
        this.duration = Timer.builder("civitas.sweep.duration").description("One deadline sweep, all three steps")
                .register(meters);
        this.node = NodeName.of(route);
    }

    /** The scheduled entry: skipped on this node when another node holds the lock for this tick. */
    @Scheduled(cron = "${civitas.sweep.cron:0 * * * * *}")
    @SchedulerLock(name = "deadline-sweep", lockAtMostFor = "PT5M",
            lockAtLeastFor = "${civitas.sweep.lock-at-least:PT10S}")
    public void run() {
        sweep();
    }

    /** One sweep at the clock's now; safe to repeat. */
    SweepResult sweep() {
        LocalDateTime now = LocalDateTime.now(clock);
        long start = System.nanoTime();
        long t0 = start;
        int warned = tx.execute(s -> warn(now));
        long t1 = System.nanoTime();
        int overdue = tx.execute(s -> remindOverdue(now));
        long t2 = System.nanoTime();
        int supervised = tx.execute(s -> supervise(now));
        long t3 = System.nanoTime();
        SweepResult result = new SweepResult(warned, overdue, supervised, (t3 - start) / 1_000_000);
        duration.record(t3 - start, TimeUnit.NANOSECONDS);
        jdbc.update("""
                insert into job_run (name, finished_at, millis, node) values (:name, :now, :millis, :node)
                on duplicate key update finished_at = values(finished_at), millis = values(millis),
                                        node = values(node)""",
                new MapSqlParameterSource("name", SweepHealth.JOB).addValue("now", Timestamp.valueOf(now))
                        .addValue("millis", result.millis()).addValue("node", node));
        String message = "Deadline sweep at {}: warned {} ({} ms), overdue+reminded {} ({} ms), supervised {} ({} ms),"
                + " total {} ms";
        Object[] args = {now, warned, (t1 - t0) / 1_000_000, overdue, (t2 - t1) / 1_000_000, supervised,
                (t3 - t2) / 1_000_000, result.millis()};
        if (warned + overdue + supervised > 0) {
            log.info(message, args);
        } else {
            log.debug(message, args);
        }
        return result;
    }

    /** Cases whose warning time has come: marked; the unit is told unless the case is already overdue. */
    private int warn(LocalDateTime now) {
        var rows = jdbc.query("""
                select id, number, lead_unit_code, handle_due_at from case_file
                where status in %s and warn_at <= :now and lead_unit_code is not null
                  and (warning_noted_at is null or warning_noted_at < warn_at or warning_noted_at < dispatched_at)
                for update""".formatted(CaseStatus.AWAITING_UNIT_SQL), Map.of("now", now), CANDIDATE);
        for (List<Long> ids : chunks(rows)) {
            records.noteWarning(now, ids);
        }
        List<SweptCase> inTime = rows.stream().filter(c -> !c.handleDueAt().isBefore(now)).toList();
        if (!inTime.isEmpty()) {
            events.publishEvent(new CasesWarned(inTime));
        }
        return rows.size();
    }

    /** Cases past their deadline: marked, and each gets one automatic reminder and a history row. */
    private int remindOverdue(LocalDateTime now) {
        var rows = jdbc.query("""
                select id, number, lead_unit_code, handle_due_at from case_file
                where status in %s and handle_due_at < :now and lead_unit_code is not null
                  and (overdue_noted_at is null or overdue_noted_at <= handle_due_at
                       or overdue_noted_at < dispatched_at)
                for update""".formatted(CaseStatus.AWAITING_UNIT_SQL), Map.of("now", now), CANDIDATE);
        for (List<Long> ids : chunks(rows)) {
            records.noteOverdue(now, ids);
            issue(now, ids, REMINDER_REASON, "REMINDER", null, CaseAction.REMIND);
        }
        if (!rows.isEmpty()) {
            events.publishEvent(new CasesOverdue(rows));
        }
        return rows.size();
    }

    /**
     * Cases overdue by the set number of working days with no automatic supervision order for their current
     * deadline and dispatch: one each, due for an answer by the end of the next working day.
     */
    private int supervise(LocalDateTime now) {
        DeadlineCalculator calc = calendar.deadlineCalculator();
        LocalDateTime cutoff = supervisionCutoff(calc, now, autoAfterWorkingDays);
        if (cutoff == null) {
            return 0;
        }
        var rows = jdbc.query("""
                select c.id, c.number, c.lead_unit_code, c.handle_due_at from case_file c
                where c.status in %s and c.handle_due_at <= :cutoff and c.lead_unit_code is not null
                  and not exists (select 1 from supervision_order o
                                  where o.case_id = c.id and o.level = 'SUPERVISION' and o.auto
                                    and o.issued_at >= c.dispatched_at and o.case_due_at = c.handle_due_at)
                for update""".formatted(CaseStatus.AWAITING_UNIT_SQL), Map.of("cutoff", cutoff), CANDIDATE);
        LocalDateTime answerDue = calc.handleDue(now, answerWorkingDays, LimitUnit.WORKING_DAYS);
        for (List<Long> ids : chunks(rows)) {
            issue(now, ids, SUPERVISION_REASON, "SUPERVISION", answerDue, CaseAction.SUPERVISE);
        }
        if (!rows.isEmpty()) {
            events.publishEvent(new CasesSupervised(answerDue, rows));
        }
        return rows.size();
    }

    /** Automatic orders of one level for the cases {@code ids}, with their history rows. */
    private void issue(LocalDateTime now, List<Long> ids, String reason, String level, LocalDateTime dueAt,
                       CaseAction action) {
        MapSqlParameterSource p = params(now, ids).addValue("reason", reason).addValue("level", level)
                .addValue("dueAt", dueAt == null ? null : Timestamp.valueOf(dueAt))
                .addValue("system", CurrentUser.SYSTEM);
        jdbc.update("""
                insert into supervision_order (case_id, case_number, unit_code, level, reason, issued_by, issued_at,
                                               due_at, case_due_at, auto, state, version)
                select id, number, lead_unit_code, :level, :reason, :system, :now, :dueAt, handle_due_at, true,
                       'OPEN', 0
                from case_file where id in (:ids)""", p);
        records.recordAutomatic(now, ids, action);
    }

    /**
     * The latest due time that is {@code n} working days past at {@code now}: a case due on day D is that late once
     * the end of office hours of the n-th working day after D has passed (the period rule of the deadlines, so
     * weekends and holidays do not count). A deadline of 24:00 is stored as 00:00 of the next day and belongs to
     * the day before, hence "at or before" the returned midnight. Null when no day qualifies within a year.
     */
    static LocalDateTime supervisionCutoff(DeadlineCalculator calc, LocalDateTime now, int n) {
        LocalDate day = now.toLocalDate();
        for (int i = 0; i < 366; i++, day = day.minusDays(1)) {
            if (calc.handleDue(day.atStartOfDay(), n, LimitUnit.WORKING_DAYS).isBefore(now)) {
                return day.plusDays(1).atStartOfDay();
            }
        }
        return null;
    }

    private static MapSqlParameterSource params(LocalDateTime now, List<Long> ids) {
        return new MapSqlParameterSource().addValue("now", Timestamp.valueOf(now)).addValue("ids", ids);
    }

    private static List<List<Long>> chunks(List<SweptCase> rows) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += CHUNK) {
            chunks.add(rows.subList(i, Math.min(rows.size(), i + CHUNK)).stream().map(SweptCase::caseId).toList());
        }
        return chunks;
    }
}
