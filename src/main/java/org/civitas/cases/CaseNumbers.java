package org.civitas.cases;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Case numbers {@code WM} + date + a daily sequence (WM202611280001), readable on the phone. The counter row is
 * bumped in its own short transaction, so intake never waits on another intake's commit; a rolled-back intake
 * leaves a gap, never a duplicate.
 */
@Component
class CaseNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcTemplate jdbc;

    CaseNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public String next(LocalDate day) {
        jdbc.update("insert into case_number_seq (day, last) values (?, last_insert_id(1)) "
                + "on duplicate key update last = last_insert_id(last + 1)", day);
        Long n = jdbc.queryForObject("select last_insert_id()", Long.class);
        return "WM" + DAY.format(day) + String.format("%04d", n);
    }
}
