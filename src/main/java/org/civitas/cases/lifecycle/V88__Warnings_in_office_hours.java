package org.civitas.cases.lifecycle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.civitas.calendar.DayKind;
import org.civitas.calendar.DeadlineCalculator;
import org.civitas.calendar.LimitUnit;
import org.civitas.calendar.OfficeHours;
import org.civitas.calendar.WorkingCalendar;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Moves the warning time of every open, not yet warned case to where the rule now puts it: inside office hours on a
 * working day (80 % of the office time for {@code WORKING_*} limits). Cases already warned for their current deadline
 * keep their time, so nobody is warned twice. Emergency items keep "30 minutes before".
 */
@Component
class V88__Warnings_in_office_hours extends BaseJavaMigration {

    private static final int CHUNK = 5_000;

    private final OfficeHours officeHours;

    V88__Warnings_in_office_hours(@Value("${civitas.office-hours:08:30-12:00,14:00-17:30}") String officeHours) {
        this.officeHours = OfficeHours.parse(officeHours);
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection db = context.getConnection();
        DeadlineCalculator calculator = new DeadlineCalculator(calendar(db), officeHours);
        try (PreparedStatement select = db.prepareStatement("""
                select c.id, c.dispatched_at, c.handle_due_at, i.time_unit from case_file c
                  join list_item i on i.id = c.list_item_id
                 where c.id > ? and c.status not in ('CLOSED', 'INVALID', 'MERGED')
                   and c.dispatched_at is not null and c.handle_due_at >= c.dispatched_at and c.warn_at is not null
                   and (c.urgency is null or c.urgency <> 'EMERGENCY')
                   and (c.warning_noted_at is null or c.warning_noted_at < c.warn_at
                        or c.warning_noted_at < c.dispatched_at)
                 order by c.id limit ?""");
             PreparedStatement update = db.prepareStatement("update case_file set warn_at = ? where id = ?")) {
            long after = 0;
            while (true) {
                select.setLong(1, after);
                select.setInt(2, CHUNK);
                int rows = 0;
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        after = rs.getLong(1);
                        LocalDateTime warn = calculator.warnAt(rs.getTimestamp(2).toLocalDateTime(),
                                rs.getTimestamp(3).toLocalDateTime(), LimitUnit.valueOf(rs.getString(4)), false);
                        update.setTimestamp(1, Timestamp.valueOf(warn));
                        update.setLong(2, after);
                        update.addBatch();
                    }
                }
                update.executeBatch();
                if (rows < CHUNK) {
                    return;
                }
            }
        }
    }

    private static WorkingCalendar calendar(Connection db) throws Exception {
        Map<LocalDate, DayKind> days = new HashMap<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select day, kind from calendar_day")) {
            while (rs.next()) {
                days.put(rs.getDate(1).toLocalDate(), DayKind.valueOf(rs.getString(2)));
            }
        }
        return new WorkingCalendar(days);
    }
}
