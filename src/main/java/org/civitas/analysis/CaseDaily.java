package org.civitas.analysis;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.civitas.cases.CaseChanged;
import org.civitas.cases.CasesFiled;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code case_daily} and {@code case_daily_address} (the same counts by address) exactly equal to
 * {@code case_file}. A received day is always recomputed whole by set-based statements in one transaction (delete +
 * insert … select … group by, for each table), so a refresh is idempotent and never drifts.
 * <ul>
 *   <li>every new case ({@link CasesFiled}) and every saved change to a case ({@link CaseChanged}), published in
 *       the case's transaction, marks the case's received day in {@code case_daily_dirty}, in that same
 *       transaction;</li>
 *   <li>the analysis refreshes the dirty days before it reads, and a timer does it every few minutes;</li>
 *   <li>bulk loads that bypass the case service (imports, the generator) call {@link #refresh(LocalDate, LocalDate)}
 *       for their days; a nightly run recomputes the last 62 days as a safety net.</li>
 * </ul>
 * Days nobody touches stay as they are (closed past days are frozen).
 */
@Component
public class CaseDaily {

    static final String REFRESH = """
            insert into case_daily (day, district_code, street_code, category_code, item_code, unit_code, channel,
                   received, sign_known, signed_on_time, replied, replied_on_time, rated, satisfied, solved_known,
                   solved)
            select cast(received_at as date), coalesce(district_code, ''), coalesce(street_code, ''),
                   coalesce(category_code, ''), coalesce(item_code, ''), coalesce(lead_unit_code, ''), channel,
                   count(*), count(signed_on_time), coalesce(sum(signed_on_time), 0), count(replied_on_time),
                   coalesce(sum(replied_on_time), 0), count(rating),
                   coalesce(sum(rating in ('SATISFIED', 'BASICALLY_SATISFIED')), 0), count(solved),
                   coalesce(sum(solved), 0)
            from case_file force index (ix_case_received)
            where received_at >= ? and received_at < ? and status not in ('INVALID', 'MERGED')
            group by 1, 2, 3, 4, 5, 6, 7""";

    /**
     * The same days' cases by address, for the repeated addresses of the analysis (V82). Counted by the key itself
     * (an upsert per case) rather than by GROUP BY: MariaDB grouped the long address keys in a temporary table,
     * 3.2–3.8 s for a month of 121,000 cases against 1.7–2.8 s, with the same rows.
     */
    static final String REFRESH_ADDRESSES = """
            insert into case_daily_address (half_month, district_code, street_code, address, day, cases)
            select cast(received_at as date)
                       - interval (dayofmonth(received_at) - if(dayofmonth(received_at) > 15, 16, 1)) day,
                   coalesce(district_code, ''), coalesce(street_code, ''), address, cast(received_at as date), 1
            from case_file force index (ix_case_received)
            where received_at >= ? and received_at < ? and status not in ('INVALID', 'MERGED')
            on duplicate key update cases = cases + 1""";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    /**
     * A refresh's transaction: the caller's if it has one, else its own (the timers call in from this class, past
     * the proxy). Its own reads the cases as committed, without locking them: at REPEATABLE READ the INSERT … SELECT
     * share-locked every case of the day until it committed (616,378 rows for a day of the bench's intake), so a
     * clerk's change to one of them waited, and the deadline sweep's UPDATE deadlocked with it. A change that
     * commits meanwhile marks its day dirty again (that mark waits for this refresh's delete of it), so the next
     * refresh counts it.
     */
    private final TransactionTemplate tx;

    CaseDaily(JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /** Recomputes the received days {@code from}..{@code to} (inclusive), in one transaction. */
    public void refresh(LocalDate from, LocalDate to) {
        tx.executeWithoutResult(s -> {
            jdbc.update("delete from case_daily_dirty where day between ? and ?", from, to);
            jdbc.update("delete from case_daily where day between ? and ?", from, to);
            jdbc.update("delete from case_daily_address where day between ? and ?", from, to);
            jdbc.update(REFRESH, from.atStartOfDay(), to.plusDays(1).atStartOfDay());
            // the rows of these days were just read: the second pass finds them in the buffer pool
            jdbc.update(REFRESH_ADDRESSES, from.atStartOfDay(), to.plusDays(1).atStartOfDay());
        });
    }

    /** Recomputes the days marked dirty since the last refresh, each in a transaction of its own; returns how many. */
    public int refreshDirty() {
        List<LocalDate> days = jdbc.queryForList("select day from case_daily_dirty order by day", LocalDate.class);
        for (LocalDate day : days) {
            refresh(day, day);
        }
        return days.size();
    }

    @EventListener
    void onCaseChanged(CaseChanged changed) {
        jdbc.update("insert ignore into case_daily_dirty (day) values (?)", changed.receivedAt().toLocalDate());
    }

    /** New cases, however they came in: their received days marked in one statement (usually one day). */
    @EventListener
    void onCasesFiled(CasesFiled filed) {
        List<LocalDate> days = filed.changed().stream().map(c -> c.receivedAt().toLocalDate()).distinct().toList();
        if (!days.isEmpty()) {
            jdbc.update("insert ignore into case_daily_dirty (day) values "
                    + String.join(", ", Collections.nCopies(days.size(), "(?)")), days.toArray());
        }
    }

    @Scheduled(cron = "${civitas.analysis.dirty-cron:0 */5 * * * *}")
    @SchedulerLock(name = "case-daily-dirty", lockAtMostFor = "PT10M")
    public void refreshDirtyOnTimer() {
        refreshDirty();
    }

    @Scheduled(cron = "${civitas.analysis.nightly-cron:0 30 2 * * *}")
    @SchedulerLock(name = "case-daily-nightly", lockAtMostFor = "PT1H")
    public void refreshRecentDays() {
        LocalDate today = LocalDate.now(clock);
        refresh(today.minusDays(62), today);
    }
}
