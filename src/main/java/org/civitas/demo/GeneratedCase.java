package org.civitas.demo;

import static org.civitas.demo.CaseGenerator.ts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.civitas.calendar.Deadlines;
import org.civitas.cases.CaseAction;
import org.civitas.cases.CaseStatus;
import org.civitas.cases.Channel;
import org.civitas.cases.CloseReason;
import org.civitas.cases.Rating;
import org.civitas.cases.ReplyOutcome;

/** One generated case row and its history rows, ready to bind to the batched inserts. */
final class GeneratedCase {

    static final String INSERT_CASE = """
            insert into case_file (id, number, channel, received_at, complainant_name, complainant_phone, anonymous,
                district_code, street_code, address, latitude, longitude, description, list_item_id, list_version_id, item_code,
                category_code, urgency, lead_unit_code, status, dispatched_at, signed_at, replied_at, closed_at,
                sign_due_at, handle_due_at, warn_at, signed_on_time, replied_on_time, reply_outcome, reply_text,
                reply_accepted, rating, solved, rated_at, close_reason, reopen_count, created_by, version)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    ?, ?, ?, ?, ?, ?)""";
    static final String INSERT_HISTORY = """
            insert into case_history (case_id, at, actor, action, from_status, to_status, unit_code, note, internal)
            values (?, ?, ?, ?, ?, ?, ?, ?, false)""";

    record Step(LocalDateTime at, String actor, CaseAction action, CaseStatus from, CaseStatus to, String unit,
                String note) {
    }

    final long id;
    final String number;
    final LocalDateTime receivedAt;
    Channel channel;
    String name;
    String phone;
    String district;
    String street;
    String address;
    /** Where it happened (GCJ-02), from {@link CasePlaces}; null if the map lacks the district. */
    double[] point;
    String description;
    long itemId;
    long versionId;
    String itemCode;
    String category;
    String urgency;
    String leadUnit;
    String coUnit;
    CaseStatus status = CaseStatus.DISPATCHED;
    LocalDateTime dispatchedAt;
    LocalDateTime signedAt;
    LocalDateTime repliedAt;
    LocalDateTime closedAt;
    LocalDateTime ratedAt;
    Deadlines deadlines;
    ReplyOutcome outcome;
    String replyText;
    boolean replyAccepted;
    Rating rating;
    Boolean solved;
    CloseReason closeReason;
    final List<Step> steps = new ArrayList<>();

    GeneratedCase(long id, String number, LocalDateTime receivedAt) {
        this.id = id;
        this.number = number;
        this.receivedAt = receivedAt;
    }

    void place(String district, String street, String address, String description) {
        this.district = district;
        this.street = street;
        this.address = address;
        this.description = description;
    }

    private static BigDecimal coordinate(double degrees) {
        return BigDecimal.valueOf(degrees).setScale(6, RoundingMode.HALF_UP);
    }

    void item(long id, long versionId, String code, String category, String urgency) {
        this.itemId = id;
        this.versionId = versionId;
        this.itemCode = code;
        this.category = category;
        this.urgency = urgency;
    }

    void dispatch(String lead, LocalDateTime at, Deadlines d) {
        this.leadUnit = lead;
        this.dispatchedAt = at;
        this.deadlines = d;
        step(receivedAt, DemoActors.registeredBy(channel), CaseAction.REGISTER, null, CaseStatus.REGISTERED, null,
                null);
        step(at, "system", CaseAction.DISPATCH, CaseStatus.REGISTERED, CaseStatus.DISPATCHED, lead, null);
    }

    void step(LocalDateTime at, String actor, CaseAction action, CaseStatus from, CaseStatus to, String unit,
              String note) {
        steps.add(new Step(at, actor, action, from, to, unit, note));
        this.status = to;
    }

    void bind(PreparedStatement ps) throws SQLException {
        int i = 1;
        ps.setLong(i++, id);
        ps.setString(i++, number);
        ps.setString(i++, channel.name());
        ps.setTimestamp(i++, ts(receivedAt));
        ps.setString(i++, name);
        ps.setString(i++, phone);
        ps.setBoolean(i++, false);
        ps.setString(i++, district);
        ps.setString(i++, street);
        ps.setString(i++, address);
        ps.setBigDecimal(i++, point == null ? null : coordinate(point[0]));
        ps.setBigDecimal(i++, point == null ? null : coordinate(point[1]));
        ps.setString(i++, description);
        ps.setLong(i++, itemId);
        ps.setLong(i++, versionId);
        ps.setString(i++, itemCode);
        ps.setString(i++, category);
        ps.setString(i++, urgency);
        ps.setString(i++, leadUnit);
        ps.setString(i++, status.name());
        ps.setTimestamp(i++, ts(dispatchedAt));
        ps.setTimestamp(i++, ts(signedAt));
        ps.setTimestamp(i++, ts(repliedAt));
        ps.setTimestamp(i++, ts(closedAt));
        ps.setTimestamp(i++, ts(deadlines.signDueAt()));
        ps.setTimestamp(i++, ts(deadlines.handleDueAt()));
        ps.setTimestamp(i++, ts(deadlines.warnAt()));
        setBoolean(ps, i++, signedAt == null ? null : !signedAt.isAfter(deadlines.signDueAt()));
        setBoolean(ps, i++, repliedAt == null ? null : !repliedAt.isAfter(deadlines.handleDueAt()));
        ps.setString(i++, outcome == null ? null : outcome.name());
        ps.setString(i++, replyText);
        ps.setBoolean(i++, replyAccepted);
        ps.setString(i++, rating == null ? null : rating.name());
        setBoolean(ps, i++, solved);
        ps.setTimestamp(i++, ts(ratedAt));
        ps.setString(i++, closeReason == null ? null : closeReason.name());
        ps.setInt(i++, 0);
        ps.setString(i++, "generator");
        ps.setLong(i, 0);
    }

    void bindHistory(PreparedStatement ps) throws SQLException {
        for (Step s : steps) {
            ps.setLong(1, id);
            ps.setTimestamp(2, ts(s.at()));
            ps.setString(3, s.actor());
            ps.setString(4, s.action().name());
            ps.setString(5, s.from() == null ? null : s.from().name());
            ps.setString(6, s.to().name());
            ps.setString(7, s.unit());
            ps.setString(8, s.note());
            ps.addBatch();
        }
    }

    private static void setBoolean(PreparedStatement ps, int i, Boolean b) throws SQLException {
        if (b == null) {
            ps.setNull(i, Types.BOOLEAN);
        } else {
            ps.setBoolean(i, b);
        }
    }

    /** The word pools of demo reports, from resources (no text in code); the complaint texts: ComplaintTexts. */
    record Texts(List<String> surnames, List<String> titles, List<String> roads, List<String> places,
                 List<String> replies) {

        static Texts load() {
            return new Texts(CaseGenerator.lines("/demo/names.txt"), CaseGenerator.lines("/demo/titles.txt"),
                    CaseGenerator.lines("/demo/roads.txt"), CaseGenerator.lines("/demo/places.txt"),
                    CaseGenerator.lines("/demo/replies.txt"));
        }

        String name(Random r) {
            return pick(r, surnames) + pick(r, titles);
        }

        String address(Random r) {
            return pick(r, roads) + (1 + r.nextInt(400)) + pick(r, places);
        }

        String reply(Random r) {
            return pick(r, replies);
        }

        private static String pick(Random r, List<String> pool) {
            return pool.get(r.nextInt(pool.size()));
        }
    }
}
