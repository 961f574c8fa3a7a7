package org.civitas.calendar;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Monday–Friday working week corrected by the published holiday schedule: a HOLIDAY closes a
 * weekday, a WORKDAY opens a make-up Saturday or Sunday. Days not listed follow the week.
 */
public final class WorkingCalendar {

    private final Map<LocalDate, DayKind> exceptions;

    public WorkingCalendar(Map<LocalDate, DayKind> exceptions) {
        Require.notNull(exceptions, "exceptions");
        try {
            this.exceptions = Map.copyOf(exceptions);
        } catch (NullPointerException e) {
            throw new IllegalArgumentException("calendar exceptions must not contain null dates or kinds", e);
        }
    }

    public boolean isWorkingDay(LocalDate d) {
        Require.notNull(d, "date");
        DayKind kind = exceptions.get(d);
        if (kind != null) {
            return kind == DayKind.WORKDAY;
        }
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    public LocalDate nextWorkingDayOnOrAfter(LocalDate d) {
        Require.notNull(d, "date");
        LocalDate day = d;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The n-th working day strictly after {@code d}; {@code d} itself never counts. */
    public LocalDate plusWorkingDays(LocalDate d, int n) {
        Require.notNull(d, "date");
        Require.atLeastOne(n, "n");
        LocalDate day = d;
        for (int counted = 0; counted < n; counted++) {
            day = nextWorkingDayOnOrAfter(day.plusDays(1));
        }
        return day;
    }

    /**
     * Reads {@code date,kind,name} CSV records after a header line; the name is informational only, so the columns
     * after the kind are not read.
     */
    public static WorkingCalendar fromCsv(Reader r) {
        Require.notNull(r, "reader");
        StringWriter text = new StringWriter();
        try {
            r.transferTo(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read working calendar", e);
        }
        List<CalendarCsvLines.Line> lines;
        try {
            lines = CalendarCsvLines.read(text.toString());
        } catch (CalendarCsvLines.MalformedException e) {
            throw new IllegalArgumentException("bad working calendar line " + e.line, e);
        }
        Map<LocalDate, DayKind> exceptions = new HashMap<>();
        for (CalendarCsvLines.Line line : lines) {
            if (line.number() > 1 && !line.blank()) {
                put(exceptions, line);
            }
        }
        return new WorkingCalendar(exceptions);
    }

    private static void put(Map<LocalDate, DayKind> exceptions, CalendarCsvLines.Line line) {
        try {
            LocalDate date = LocalDate.parse(line.get(0));
            DayKind kind = DayKind.valueOf(line.get(1));
            // A second row for the same date would silently win; the data file must say one thing.
            if (exceptions.put(date, kind) != null) {
                throw new IllegalArgumentException("duplicate date " + date);
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "bad working calendar line " + line.number() + ": " + String.join(",", line.values()), e);
        }
    }
}
