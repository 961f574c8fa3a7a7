package org.civitas.scoring;

import java.time.LocalDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Cases and facts written straight into the tables for scoring tests: the figures a case carries once its
 * lifecycle is over (signed, replied, rated), so a month's expected score can be counted by hand.
 */
public final class ScoringFixtures {

    private final JdbcTemplate jdbc;

    public ScoringFixtures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Case aCase(String unit, LocalDateTime received) {
        return new Case(unit, received);
    }

    public void order(long caseId, String unit, String level, LocalDateTime at) {
        jdbc.update("""
                insert into supervision_order (case_id, case_number, unit_code, level, reason, issued_by, issued_at,
                    state) values (?, (select number from case_file where id = ?), ?, ?, '测试', 'supervisor', ?, 'OPEN')""",
                caseId, caseId, unit, level, at);
    }

    public void history(long caseId, String action, String unit, LocalDateTime at) {
        jdbc.update("""
                insert into case_history (case_id, at, actor, action, from_status, to_status, unit_code)
                values (?, ?, 'supervisor', ?, 'CLOSED', 'DISPATCHED', ?)""", caseId, at, action, unit);
    }

    public final class Case {
        private final String unit;
        private final LocalDateTime received;
        private String status = "CLOSED";
        private String urgency = "NORMAL";
        private Boolean signedOnTime = true;
        private LocalDateTime handleDue;
        private LocalDateTime repliedAt;
        private Boolean repliedOnTime;
        private String rating;
        private Boolean solved;

        Case(String unit, LocalDateTime received) {
            this.unit = unit;
            this.received = received;
            this.handleDue = received.plusDays(5);
        }

        /** Replied a day after it came in, in time, rated and solved as given. */
        public Case repliedOnTime(String rating, Boolean solved) {
            return replied(received.plusDays(1), true, rating, solved);
        }

        public Case replied(LocalDateTime at, boolean onTime, String rating, Boolean solved) {
            this.repliedAt = at;
            this.repliedOnTime = onTime;
            this.rating = rating;
            this.solved = solved;
            this.status = rating == null ? "REPLIED" : "CLOSED";
            return this;
        }

        public Case open(LocalDateTime due) {
            this.status = "IN_PROGRESS";
            this.handleDue = due;
            return this;
        }

        public Case signedLate() {
            this.signedOnTime = false;
            return this;
        }

        public Case emergency() {
            this.urgency = "EMERGENCY";
            return this;
        }

        public Case status(String status) {
            this.status = status;
            return this;
        }

        public long insert() {
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            String number = "SC" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
            jdbc.update(con -> {
                var ps = con.prepareStatement("""
                        insert into case_file (number, channel, received_at, address, description, item_code,
                            urgency, lead_unit_code, status, dispatched_at, signed_at, sign_due_at, signed_on_time,
                            handle_due_at, replied_at, replied_on_time, rating, solved, created_by)
                        values (?, 'HOTLINE_12345', ?, '测试地址', '测试', 'SR-02', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                            'operator')""", new String[] {"id"});
                int i = 1;
                ps.setString(i++, number);
                ps.setObject(i++, received);
                ps.setString(i++, urgency);
                ps.setString(i++, unit);
                ps.setString(i++, status);
                ps.setObject(i++, received);
                ps.setObject(i++, received.plusMinutes(10));
                ps.setObject(i++, received.plusHours(2));
                ps.setObject(i++, signedOnTime);
                ps.setObject(i++, handleDue);
                ps.setObject(i++, repliedAt);
                ps.setObject(i++, repliedOnTime);
                ps.setString(i++, rating);
                ps.setObject(i++, solved);
                return ps;
            }, keys);
            return keys.getKey().longValue();
        }
    }
}
