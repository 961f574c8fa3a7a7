package org.civitas.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Sign, handling and warning deadlines of DESIGN.md §4, counted as periods are counted in the Civil
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

    public LocalDateTime warnAt(LocalDateTime dispatchedAt, LocalDateTime due, boolean emergency) {
        Require.notNull(dispatchedAt, "dispatchedAt");
        Require.notNull(due, "due");
        if (due.isBefore(dispatchedAt)) {
            throw new IllegalArgumentException("due " + due + " is before dispatch " + dispatchedAt);
        }
        if (emergency) {
            LocalDateTime warn = due.minus(EMERGENCY_WARNING);
            return warn.isBefore(dispatchedAt) ? dispatchedAt : warn;
        }
        Duration fourFifths = Duration.between(dispatchedAt, due).multipliedBy(4).dividedBy(5);
        // Rounding down keeps the warning at or before the 80 % mark; the database holds whole seconds.
        return dispatchedAt.plus(fourFifths).truncatedTo(ChronoUnit.SECONDS);
    }

    public Deadlines compute(LocalDateTime dispatchedAt, int n, LimitUnit unit, boolean emergency) {
        LocalDateTime handleDue = handleDue(dispatchedAt, n, unit);
        // a unit cannot be allowed to sign later than it must have handled the case
        LocalDateTime signDue = signDue(dispatchedAt, emergency);
        if (signDue.isAfter(handleDue)) {
            signDue = handleDue;
        }
        return new Deadlines(signDue, handleDue, warnAt(dispatchedAt, handleDue, emergency));
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
}
