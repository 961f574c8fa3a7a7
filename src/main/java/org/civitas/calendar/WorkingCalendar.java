package org.civitas.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
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

    /** Reads {@code date,kind,name} lines after a header line; the name is informational only. */
    public static WorkingCalendar fromCsv(Reader r) {
        Require.notNull(r, "reader");
        Map<LocalDate, DayKind> exceptions = new HashMap<>();
        try {
            BufferedReader in = new BufferedReader(r);
            in.readLine();
            int lineNo = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (!line.isBlank()) {
                    putLine(exceptions, line, lineNo);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read working calendar", e);
        }
        return new WorkingCalendar(exceptions);
    }

    private static void putLine(Map<LocalDate, DayKind> exceptions, String line, int lineNo) {
        String[] cols = line.split(",", 3);
        try {
            LocalDate date = LocalDate.parse(cols[0].trim());
            DayKind kind = DayKind.valueOf(cols.length > 1 ? cols[1].trim() : "");
            // A second row for the same date would silently win; the data file must say one thing.
            if (exceptions.put(date, kind) != null) {
                throw new IllegalArgumentException("duplicate date " + date);
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("bad working calendar line " + lineNo + ": " + line, e);
        }
    }
}
