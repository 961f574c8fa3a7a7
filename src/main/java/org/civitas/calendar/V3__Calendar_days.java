package org.civitas.calendar;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Loads the official holidays and make-up working days 2016–2026 from the CSV copy in the project. Later years are
 * imported by an administrator in the calendar view.
 */
@Component
class V3__Calendar_days extends BaseJavaMigration {

    static final String CALENDAR = "/reference/cn-calendar-2016-2026.csv";

    @Override
    public void migrate(Context context) throws Exception {
        try (Reader in = new InputStreamReader(getClass().getResourceAsStream(CALENDAR), StandardCharsets.UTF_8);
             PreparedStatement ps = context.getConnection().prepareStatement(
                     "insert into calendar_day (day, kind, name) values (?, ?, ?)")) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                ps.setDate(1, Date.valueOf(LocalDate.parse(r.get("date"))));
                ps.setString(2, DayKind.valueOf(r.get("kind")).name());
                ps.setString(3, r.get("name"));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
