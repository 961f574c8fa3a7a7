package org.civitas.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.civitas.audit.AuditEvent;
import org.civitas.base.RuleViolation;
import org.civitas.base.Snapshots;
import org.civitas.base.identity.AppRoles;
import org.civitas.base.identity.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The working calendar (holidays and make-up working days) and the deadline calculator over it. Administrators
 * maintain the days; every change is audited with before and after.
 *
 * <p>The calendar is read on every dispatch, so it is cached in memory. The cache is per node: a change made through
 * this service drops it on this node after commit, and every node reloads it at the latest after
 * {@code civitas.calendar.cache-minutes}, which is how a change made on another node (or directly in the database)
 * arrives.
 */
@Service
public class CalendarService {

    private static final String ADMIN = "hasRole('" + AppRoles.ADMIN + "')";

    private final CalendarDayRepository days;
    private final ApplicationEventPublisher events;
    private final CurrentUser currentUser;
    private final OfficeHours officeHours;
    private final Duration maxAge;
    private final TransactionTemplate freshRead;

    /** Bumped after every committed change; a snapshot of an older generation is never served. */
    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot cached;

    CalendarService(CalendarDayRepository days, ApplicationEventPublisher events, CurrentUser currentUser,
                    PlatformTransactionManager transactions,
                    @Value("${civitas.office-hours:08:30-12:00,14:00-17:30}") String officeHours,
                    @Value("${civitas.calendar.cache-minutes:5}") long cacheMinutes) {
        this.days = days;
        this.events = events;
        this.currentUser = currentUser;
        this.officeHours = OfficeHours.parse(officeHours);
        this.maxAge = Duration.ofMinutes(cacheMinutes);
        // A new transaction sees the latest commit, not the snapshot of a long transaction that happens to call us.
        this.freshRead = new TransactionTemplate(transactions);
        freshRead.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        freshRead.setReadOnly(true);
    }

    /**
     * Open to everyone, signed in or not (scheduled jobs run without a user): the calendar is public reference data
     * and holds no personal data.
     */
    @PreAuthorize("permitAll()")
    public WorkingCalendar workingCalendar() {
        return current().calendar();
    }

    /** Open to everyone for the same reason as {@link #workingCalendar()}. */
    @PreAuthorize("permitAll()")
    public DeadlineCalculator deadlineCalculator() {
        return current().calculator();
    }

    @PreAuthorize(ADMIN)
    @Transactional(readOnly = true)
    public List<CalendarDayRow> days(int year) {
        return ofYear(year).stream().map(CalendarDay::toRow).toList();
    }

    /** Holidays may fall on any day (a weekend day off is still named); a make-up working day only on a weekend. */
    @PreAuthorize(ADMIN)
    @Transactional
    public CalendarDayRow add(LocalDate date, DayKind kind, String name) {
        if (date == null || kind == null) {
            throw new RuleViolation("calendar.error.required");
        }
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > CalendarDay.MAX_NAME) {
            throw new RuleViolation("calendar.error.name", CalendarDay.MAX_NAME);
        }
        if (kind == DayKind.WORKDAY && !CalendarCsv.isWeekend(date)) {
            throw new RuleViolation("calendar.error.workdayOnWeekday", date.toString());
        }
        if (days.existsById(date)) {
            throw new RuleViolation("calendar.error.duplicate", date.toString());
        }
        CalendarDayRow after = days.save(new CalendarDay(date, kind, trimmed)).toRow();
        audit("CALENDAR_DAY_ADDED", "calendar_day", date, null, after);
        invalidateAfterCommit();
        return after;
    }

    @PreAuthorize(ADMIN)
    @Transactional
    public void remove(LocalDate date) {
        CalendarDay day = date == null ? null : days.findById(date).orElse(null);
        if (day == null) {
            throw new RuleViolation("error.notFound");
        }
        CalendarDayRow before = day.toRow();
        days.delete(day);
        audit("CALENDAR_DAY_REMOVED", "calendar_day", date, before, null);
        invalidateAfterCommit();
    }

    /**
     * Imports a holiday notice ({@code date,kind,name} with a header line). Every line is checked first; one wrong
     * line refuses the whole file. The file replaces all days of the years it mentions.
     */
    @PreAuthorize(ADMIN)
    @Transactional
    public CalendarImportSummary importCsv(InputStream in) {
        List<CalendarDayRow> rows = CalendarCsv.parse(readAtMost(in, CalendarCsv.MAX_BYTES + 1));
        Map<Integer, List<CalendarDayRow>> byYear = new TreeMap<>();
        rows.forEach(r -> byYear.computeIfAbsent(r.date().getYear(), y -> new ArrayList<>()).add(r));
        for (Map.Entry<Integer, List<CalendarDayRow>> year : byYear.entrySet()) {
            List<CalendarDayRow> before = days(year.getKey());
            LocalDate from = LocalDate.of(year.getKey(), 1, 1);
            days.deleteBetween(from, from.plusYears(1));
            List<CalendarDay> fresh = year.getValue().stream()
                    .sorted(Comparator.comparing(CalendarDayRow::date))
                    .map(r -> new CalendarDay(r.date(), r.kind(), r.name())).toList();
            List<CalendarDayRow> after = days.saveAll(fresh).stream().map(CalendarDay::toRow).toList();
            audit("CALENDAR_YEAR_IMPORTED", "calendar_year", year.getKey(), before, after);
        }
        invalidateAfterCommit();
        int holidays = (int) rows.stream().filter(r -> r.kind() == DayKind.HOLIDAY).count();
        return new CalendarImportSummary(List.copyOf(byYear.keySet()), holidays, rows.size() - holidays);
    }

    /** Drops this node's cached calendar; also for tests that change the table directly. */
    void invalidate() {
        generation.incrementAndGet();
        cached = null;
    }

    private Snapshot current() {
        long gen = generation.get();
        Snapshot s = cached;
        if (s != null && s.generation() == gen && System.nanoTime() - s.loadedAt() < maxAge.toNanos()) {
            return s;
        }
        WorkingCalendar calendar = new WorkingCalendar(freshRead.execute(status -> load()));
        // Stored under the generation read before loading: if a change committed meanwhile, it is reloaded next time.
        Snapshot fresh = new Snapshot(gen, System.nanoTime(), calendar, new DeadlineCalculator(calendar, officeHours));
        cached = fresh;
        return fresh;
    }

    private Map<LocalDate, DayKind> load() {
        Map<LocalDate, DayKind> exceptions = new HashMap<>();
        days.findAll().forEach(d -> exceptions.put(d.getDay(), d.getKind()));
        return exceptions;
    }

    private List<CalendarDay> ofYear(int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        return days.findByDayGreaterThanEqualAndDayLessThanOrderByDay(from, from.plusYears(1));
    }

    private void invalidateAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    invalidate();
                }
            });
        } else {
            invalidate();
        }
    }

    private void audit(String action, String targetType, Object id, Object before, Object after) {
        events.publishEvent(AuditEvent.change(currentUser.username(), action, targetType, id,
                Snapshots.json(before), Snapshots.json(after)));
    }

    /** Reads one byte past the limit so that an oversized file is refused rather than cut off. */
    private static byte[] readAtMost(InputStream in, int max) {
        try {
            return in.readNBytes(max);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the calendar file", e);
        }
    }

    private record Snapshot(long generation, long loadedAt, WorkingCalendar calendar, DeadlineCalculator calculator) {
    }
}
