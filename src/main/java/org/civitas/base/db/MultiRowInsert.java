package org.civitas.base.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows written as multi-row INSERTs ({@code insert … values (…), (…), …}) of at most {@code maxRows} rows: one round
 * trip and one statement for the server to parse per chunk, where a JDBC batch of single-row inserts would send and
 * parse each row's statement (docs/benchmarks.md, intake).
 *
 * @param head the statement up to and including {@code values}, for example {@code "insert into t (a, b) values "}
 * @param row the placeholders of one row, for example {@code "(?, ?)"}
 */
public record MultiRowInsert(String head, String row, int maxRows) {

    public MultiRowInsert {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows " + maxRows);
        }
    }

    /** The statement for {@code rows} rows. */
    public String sql(int rows) {
        StringBuilder sql = new StringBuilder(head.length() + rows * (row.length() + 2)).append(head);
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append(row);
        }
        return sql.toString();
    }

    /** Writes {@code rows} (each one row's values, in the order of the placeholders); returns the rows written. */
    public int write(JdbcTemplate jdbc, List<? extends List<?>> rows) {
        int written = 0;
        for (int from = 0; from < rows.size(); from += maxRows) {
            List<? extends List<?>> chunk = rows.subList(from, Math.min(rows.size(), from + maxRows));
            List<Object> values = new ArrayList<>();
            chunk.forEach(values::addAll);
            written += jdbc.update(sql(chunk.size()), ps -> set(ps, values));
        }
        return written;
    }

    /**
     * The values straight to the driver: JdbcTemplate's own setter asks its logger and the value's type for each
     * value, a visible share of the CPU of a statement with hundreds of them (a unit's notices).
     */
    static void set(PreparedStatement ps, List<Object> values) throws SQLException {
        LocalDateTime lastTime = null;
        String lastText = null;
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (v instanceof LocalDateTime t) {
                // as the text of a DATETIME(6), written once for the rows that share the time (a case, its history
                // and its notices all carry the same "now"): Connector/J formats each LocalDateTime with a
                // DateTimeFormatter, 6 % of the intake's CPU (docs/benchmarks.md, intake)
                if (!t.equals(lastTime)) {
                    lastTime = t;
                    lastText = text(t);
                }
                ps.setString(i + 1, lastText);
            } else {
                ps.setObject(i + 1, v);
            }
        }
    }

    /** {@code yyyy-MM-dd HH:mm:ss.SSSSSS}, the microseconds a DATETIME(6) keeps (the nanoseconds beyond are cut). */
    static String text(LocalDateTime t) {
        if (t.getYear() < 1000 || t.getYear() > 9999) {
            throw new IllegalArgumentException("Year out of range of a DATETIME: " + t);
        }
        char[] c = "0000-00-00 00:00:00.000000".toCharArray();
        digits(c, 0, 4, t.getYear());
        digits(c, 5, 2, t.getMonthValue());
        digits(c, 8, 2, t.getDayOfMonth());
        digits(c, 11, 2, t.getHour());
        digits(c, 14, 2, t.getMinute());
        digits(c, 17, 2, t.getSecond());
        digits(c, 20, 6, t.getNano() / 1000);
        return new String(c);
    }

    private static void digits(char[] c, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
