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
 * header, then one day per line. The whole file is checked before anything is stored; the first wrong line refuses
 * it, named by its line number as an editor shows it (the header is line 1).
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
        String[] lines = utf8(bytes).split("\r\n|\n|\r", -1);
        if (!HEADER.equalsIgnoreCase(lines[0].replace(" ", "").replace("\"", ""))) {
            throw new RuleViolation("calendar.import.error.header", HEADER);
        }
        List<CalendarDayRow> days = new ArrayList<>();
        Map<LocalDate, Integer> seen = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int lineNo = i + 1;
            CalendarDayRow day = line(lines[i], lineNo);
            Integer earlier = seen.putIfAbsent(day.date(), lineNo);
            if (earlier != null) {
                throw new RuleViolation("calendar.import.error.duplicate", lineNo, day.date().toString(), earlier);
            }
            days.add(day);
        }
        if (days.isEmpty()) {
            throw new RuleViolation("calendar.import.error.empty");
        }
        return days;
    }

    private static CalendarDayRow line(String line, int lineNo) {
        String[] cols = line.split(",", 3);
        if (cols.length < 3) {
            throw new RuleViolation("calendar.import.error.columns", lineNo);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(unquote(cols[0]));
        } catch (DateTimeParseException e) {
            throw new RuleViolation("calendar.import.error.date", lineNo, unquote(cols[0]));
        }
        DayKind kind;
        try {
            kind = DayKind.valueOf(unquote(cols[1]).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("calendar.import.error.kind", lineNo, unquote(cols[1]));
        }
        String name = unquote(cols[2]);
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

    private static String unquote(String s) {
        String t = s.trim();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            t = t.substring(1, t.length() - 1).replace("\"\"", "\"").trim();
        }
        return t;
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
