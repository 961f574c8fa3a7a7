package org.civitas.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Sign, handling and warning deadlines of docs/design.md §5, counted as periods are counted in the Civil
 * Code (Art. 201–203): the dispatch day is not counted, a period ending on a rest day runs to the
 * next working day, and where office hours apply it ends when they end.
 */
public final class DeadlineCalculator {

    private static final Duration EMERGENCY_SIGN = Duration.ofMinutes(30);
    private static final Duration EMERGENCY_WARNING = Duration.ofMinutes(30);

    private final WorkingCalendar calendar;
    private final OfficeHours hours;

    public DeadlineCalculator(WorkingCalendar calendar, OfficeHours hours) {
        this.calendar = Require.notNull(calendar, "calendar");
        this.hours = Require.notNull(hours, "hours");
    }

    public LocalDateTime handleDue(LocalDateTime dispatchedAt, int n, LimitUnit unit) {
        Require.notNull(dispatchedAt, "dispatchedAt");
        Require.atLeastOne(n, "n");
        Require.notNull(unit, "unit");
        return switch (unit) {
            case HOURS -> dispatchedAt.plusHours(n);
            case WORKING_HOURS -> plusOfficeTime(dispatchedAt, Duration.ofHours(n));
            case WORKING_DAYS -> calendar.plusWorkingDays(dispatchedAt.toLocalDate(), n).atTime(hours.endOfDay());
            case NATURAL_DAYS -> endOfDay(calendar.nextWorkingDayOnOrAfter(dispatchedAt.toLocalDate().plusDays(n)));
        };
    }

    public LocalDateTime signDue(LocalDateTime dispatchedAt, boolean emergency) {
        Require.notNull(dispatchedAt, "dispatchedAt");
        return emergency ? dispatchedAt.plus(EMERGENCY_SIGN) : handleDue(dispatchedAt, 1, LimitUnit.WORKING_DAYS);
    }

    /**
     * When the unit is warned: at 80 % of the time from dispatch to the deadline (for {@code WORKING_*} limits, 80 %
     * of the office time between them), moved back to the last office moment at or before that point, so that the
     * warning reaches someone at work. A point with no office moment between dispatch and it warns at dispatch.
     * Emergency items are warned 30 minutes before the deadline, whatever the hour.
     */
    public LocalDateTime warnAt(LocalDateTime dispatchedAt, LocalDateTime due, LimitUnit unit, boolean emergency) {
        Require.notNull(dispatchedAt, "dispatchedAt");
        Require.notNull(due, "due");
        Require.notNull(unit, "unit");
        if (due.isBefore(dispatchedAt)) {
            throw new IllegalArgumentException("due " + due + " is before dispatch " + dispatchedAt);
        }
        if (emergency) {
            LocalDateTime warn = due.minus(EMERGENCY_WARNING);
            return warn.isBefore(dispatchedAt) ? dispatchedAt : warn;
        }
        LocalDateTime mark;
        Duration office = unit == LimitUnit.WORKING_HOURS || unit == LimitUnit.WORKING_DAYS
                ? officeTimeBetween(dispatchedAt, due) : Duration.ZERO;
        if (office.isZero()) {
            mark = dispatchedAt.plus(Duration.between(dispatchedAt, due).multipliedBy(4).dividedBy(5));
        } else {
            mark = plusOfficeTime(dispatchedAt, office.multipliedBy(4).dividedBy(5));
        }
        // Rounding down keeps the warning at or before the 80 % mark; the database holds whole seconds.
        LocalDateTime atWork = lastOfficeMomentAtOrBefore(mark.truncatedTo(ChronoUnit.SECONDS), dispatchedAt);
        return atWork == null || atWork.isBefore(dispatchedAt) ? dispatchedAt : atWork;
    }

    /** The office time between two moments: the working days' office periods that lie between them. */
    Duration officeTimeBetween(LocalDateTime from, LocalDateTime to) {
        Duration total = Duration.ZERO;
        for (LocalDate day = from.toLocalDate(); !day.isAfter(to.toLocalDate()); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                for (OfficeHours.Period period : hours.periods()) {
                    LocalDateTime start = max(from, day.atTime(period.start()));
                    LocalDateTime end = min(to, day.atTime(period.end()));
                    if (start.isBefore(end)) {
                        total = total.plus(Duration.between(start, end));
                    }
                }
            }
        }
        return total;
    }

    /**
     * The latest moment at or before {@code t} that lies in office hours on a working day (a period's end counts),
     * looking back no further than the day of {@code notBefore}; null when there is none.
     */
    LocalDateTime lastOfficeMomentAtOrBefore(LocalDateTime t, LocalDateTime notBefore) {
        for (LocalDate day = t.toLocalDate(); !day.isBefore(notBefore.toLocalDate()); day = day.minusDays(1)) {
            if (!calendar.isWorkingDay(day)) {
                continue;
            }
            List<OfficeHours.Period> periods = hours.periods();
            for (int i = periods.size() - 1; i >= 0; i--) {
                LocalDateTime start = day.atTime(periods.get(i).start());
                LocalDateTime end = day.atTime(periods.get(i).end());
                if (!start.isAfter(t)) {
                    return end.isAfter(t) ? t : end;
                }
            }
        }
        return null;
    }

    public Deadlines compute(LocalDateTime dispatchedAt, int n, LimitUnit unit, boolean emergency) {
        LocalDateTime handleDue = handleDue(dispatchedAt, n, unit);
        // a unit cannot be allowed to sign later than it must have handled the case
        LocalDateTime signDue = signDue(dispatchedAt, emergency);
        if (signDue.isAfter(handleDue)) {
            signDue = handleDue;
        }
        return new Deadlines(signDue, handleDue, warnAt(dispatchedAt, handleDue, unit, emergency));
    }

    /** 24:00 of a day, written as 00:00 of the next, since LocalTime has no 24:00. */
    private static LocalDateTime endOfDay(LocalDate day) {
        return day.plusDays(1).atStartOfDay();
    }

    private LocalDateTime plusOfficeTime(LocalDateTime from, Duration amount) {
        Duration remaining = amount;
        LocalDateTime cursor = from;
        while (true) {
            LocalDate day = cursor.toLocalDate();
            if (calendar.isWorkingDay(day)) {
                for (OfficeHours.Period period : hours.periods()) {
                    LocalDateTime start = max(cursor, day.atTime(period.start()));
                    LocalDateTime end = day.atTime(period.end());
                    if (start.isBefore(end)) {
                        Duration available = Duration.between(start, end);
                        // "<=" so that a period ending exactly on the deadline ends it (12:00, not 14:00).
                        if (remaining.compareTo(available) <= 0) {
                            return start.plus(remaining);
                        }
                        remaining = remaining.minus(available);
                    }
                }
            }
            cursor = calendar.nextWorkingDayOnOrAfter(day.plusDays(1)).atStartOfDay();
        }
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
