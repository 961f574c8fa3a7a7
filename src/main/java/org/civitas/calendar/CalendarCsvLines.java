package org.civitas.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The calendar files' CSV (RFC 4180 by commons-csv: quotes, doubled quotes, CRLF; values trimmed), each record with
 * the line it starts on as an editor numbers it, so an error can name it. Callers skip {@link Line#blank()} lines.
 */
final class CalendarCsvLines {

    // empty lines come back as blank records: a skipped one would shift the next record's position to its own start
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(false)
            .setTrim(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    private CalendarCsvLines() {
    }

    /** A record and its first line (the header is line 1). */
    record Line(int number, List<String> values) {

        String get(int column) {
            return column < values.size() ? values.get(column) : "";
        }

        /** A line of blanks only: skipped like an empty one (a line of commas is not blank). */
        boolean blank() {
            return values.size() == 1 && values.get(0).isEmpty();
        }
    }

    /** The CSV text cannot be read from this line on (an open or stray quote). */
    static final class MalformedException extends RuntimeException {

        final int line;

        MalformedException(int line, Throwable cause) {
            super("malformed CSV at line " + line, cause);
            this.line = line;
        }
    }

    static List<Line> read(String text) {
        List<Line> lines = new ArrayList<>();
        LineCounter counter = new LineCounter(text);
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            try {
                for (CSVRecord record : parser) {
                    lines.add(new Line(counter.lineAt(record.getCharacterPosition()), record.toList()));
                }
            } catch (UncheckedIOException e) {
                throw new MalformedException((int) Math.max(1, parser.getCurrentLineNumber()), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** 1-based lines of ascending character positions; CRLF, LF and CR each end a line. */
    private static final class LineCounter {

        private final String text;
        private int position;
        private int line = 1;

        LineCounter(String text) {
            this.text = text;
        }

        int lineAt(long target) {
            for (; position < target; position++) {
                char c = text.charAt(position);
                if (c == '\n' || c == '\r' && (position + 1 >= text.length() || text.charAt(position + 1) != '\n')) {
                    line++;
                }
            }
            return line;
        }
    }
}
