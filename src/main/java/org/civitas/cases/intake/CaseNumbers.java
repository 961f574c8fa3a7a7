package org.civitas.cases.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
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
public class CaseNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String BUMP = "insert into case_number_seq (day, last) values (?, last_insert_id(?)) "
            + "on duplicate key update last = last_insert_id(last + ?)";

    private final DataSource dataSource;

    CaseNumbers(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String next(LocalDate day) {
        return next(day, 1).get(0);
    }

    /** The prefix and the sequence, at least four digits (String.format was a visible share of the intake's CPU). */
    static String number(String prefix, long sequence) {
        String digits = Long.toString(sequence);
        return digits.length() >= 4 ? prefix + digits : prefix + "0".repeat(4 - digits.length()) + digits;
    }

    /** {@code count} consecutive numbers of {@code day}, drawn by one bump of the counter (the batch intake). */
    public List<String> next(LocalDate day, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count " + count);
        }
        // not the caller's transactional connection: the bump commits at once, whatever becomes of the intake
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            try (PreparedStatement bump = c.prepareStatement(BUMP, Statement.RETURN_GENERATED_KEYS)) {
                bump.setObject(1, day);
                bump.setInt(2, count);
                bump.setInt(3, count);
                bump.executeUpdate();
                try (ResultSet keys = bump.getGeneratedKeys()) {
                    if (!keys.next() || keys.getLong(1) <= 0) {
                        throw new SQLException("case_number_seq: no value returned");
                    }
                    long last = keys.getLong(1);
                    String prefix = "WM" + DAY.format(day);
                    List<String> numbers = new ArrayList<>(count);
                    for (long n = last - count + 1; n <= last; n++) {
                        numbers.add(number(prefix, n));
                    }
                    return numbers;
                }
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not draw a case number", e);
        }
    }
}
