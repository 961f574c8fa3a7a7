package org.civitas.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Case numbers {@code WM} + date + a daily sequence (WM202611280001), readable on the phone. The counter row is
 * bumped by one auto-committed statement on a connection of its own, so intake never waits on another intake's
 * commit; a rolled-back intake leaves a gap, never a duplicate. The new value comes back in the statement's reply
 * (the insert id that {@code last_insert_id(expr)} sets): one round trip per case (docs/benchmarks.md, intake).
 */
@Component
class CaseNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String BUMP = "insert into case_number_seq (day, last) values (?, last_insert_id(1)) "
            + "on duplicate key update last = last_insert_id(last + 1)";

    private final DataSource dataSource;

    CaseNumbers(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String next(LocalDate day) {
        // not the caller's transactional connection: the bump commits at once, whatever becomes of the intake
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            try (PreparedStatement bump = c.prepareStatement(BUMP, Statement.RETURN_GENERATED_KEYS)) {
                bump.setObject(1, day);
                bump.executeUpdate();
                try (ResultSet keys = bump.getGeneratedKeys()) {
                    if (!keys.next() || keys.getLong(1) <= 0) {
                        throw new SQLException("case_number_seq: no value returned");
                    }
                    return "WM" + DAY.format(day) + String.format("%04d", keys.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not draw a case number", e);
        }
    }
}
