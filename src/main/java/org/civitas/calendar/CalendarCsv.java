package org.civitas.calendar;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civitas.base.RuleViolation;

/**
 * A year's holiday notice in the format of {@code reference/cn-calendar-2016-2026.csv}: a {@code date,kind,name}
 * header, then one day per line, as CSV the way Excel writes it (read by commons-csv). The whole file is checked
 * before anything is stored; the first wrong line refuses it, named by its line number as an editor shows it (the
 * header is line 1).
 */
final class CalendarCsv {

    static final int MAX_BYTES = 1024 * 1024;
    private static final String HEADER = "date,kind,name";

    private CalendarCsv() {
    }

    static List<CalendarDayRow> parse(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new RuleViolation("calendar.import.error.tooLarge", String.valueOf(MAX_BYTES / 1024));
        }
        List<CalendarCsvLines.Line> lines;
        try {
            lines = CalendarCsvLines.read(utf8(bytes));
        } catch (CalendarCsvLines.MalformedException e) {
            throw new RuleViolation("calendar.import.error.columns", e.line);
        }
        if (lines.isEmpty() || !isHeader(lines.get(0))) {
            throw new RuleViolation("calendar.import.error.header", HEADER);
        }
        List<CalendarDayRow> days = new ArrayList<>();
        Map<LocalDate, Integer> seen = new HashMap<>();
        for (CalendarCsvLines.Line line : lines.subList(1, lines.size())) {
            if (line.blank()) {
                continue;
            }
            CalendarDayRow day = day(line);
            Integer earlier = seen.putIfAbsent(day.date(), line.number());
            if (earlier != null) {
                throw new RuleViolation("calendar.import.error.duplicate", line.number(), day.date().toString(),
                        earlier);
            }
            days.add(day);
        }
        if (days.isEmpty()) {
            throw new RuleViolation("calendar.import.error.empty");
        }
        return days;
    }

    private static boolean isHeader(CalendarCsvLines.Line line) {
        return line.number() == 1 && HEADER.equalsIgnoreCase(String.join(",", line.values()).replace(" ", ""));
    }

    /** Exactly three columns: a name with a comma is quoted, as Excel writes it. */
    private static CalendarDayRow day(CalendarCsvLines.Line line) {
        int lineNo = line.number();
        if (line.values().size() != 3) {
            throw new RuleViolation("calendar.import.error.columns", lineNo);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(line.get(0));
        } catch (DateTimeParseException e) {
            throw new RuleViolation("calendar.import.error.date", lineNo, line.get(0));
        }
        DayKind kind;
        try {
            kind = DayKind.valueOf(line.get(1).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("calendar.import.error.kind", lineNo, line.get(1));
        }
        String name = line.get(2);
        if (name.isEmpty() || name.length() > CalendarDay.MAX_NAME) {
            throw new RuleViolation("calendar.import.error.name", lineNo, CalendarDay.MAX_NAME);
        }
        if (kind == DayKind.WORKDAY && !isWeekend(date)) {
            throw new RuleViolation("calendar.import.error.workdayOnWeekday", lineNo, date.toString());
        }
        return new CalendarDayRow(date, kind, name, date.getDayOfWeek());
    }

    static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Strict UTF-8, so a file saved as GBK by Excel is refused instead of stored as garbled names. */
    private static String utf8(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new RuleViolation("calendar.import.error.encoding");
        }
    }
}
