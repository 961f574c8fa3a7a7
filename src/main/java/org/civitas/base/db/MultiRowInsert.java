package org.civitas.base.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
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
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v == null) {
                ps.setNull(i + 1, Types.NULL);
            } else {
                ps.setObject(i + 1, v);
            }
        }
    }
}
