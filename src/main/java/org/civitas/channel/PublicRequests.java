package org.civitas.channel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.civitas.base.identity.AppRoles;
import org.civitas.base.identity.CurrentUser;
import org.civitas.cases.CaseStatus;
import org.civitas.cases.CloseReason;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases as anyone may list them (Open311 {@code GET requests}, docs/design.md §10): the list item, the state, the dates,
 * the responsible unit and the place to the street. The complainant's words, the exact address and the unit's
 * reply may hold personal data, so only the channel system that filed a case sees them, with its own key; everyone
 * else gets the district and street and coordinates rounded to three decimals (about 100 m). Never the
 * complainant, never internal notes.
 */
@Service
public class PublicRequests {

    /** The most rows one query returns (GeoReport v2: "first 1000 requests"). */
    public static final int MAX_ROWS = 1000;
    /** The most case numbers one query may name. */
    public static final int MAX_NUMBERS = 100;

    private static final String COLUMNS = """
            SELECT c.number, c.status, c.item_code, c.received_at, c.handle_due_at, c.district_code, c.street_code,
                   c.address, IF(c.location_approximate, NULL, c.latitude) AS latitude,
                   IF(c.location_approximate, NULL, c.longitude) AS longitude, c.lead_unit_code, c.description, c.reply_text, c.close_reason,
                   c.media_url, c.created_by,
                   (SELECT h.at FROM case_history h WHERE h.case_id = c.id ORDER BY h.id DESC LIMIT 1) AS updated_at
            FROM case_file c
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentUser user;

    PublicRequests(NamedParameterJdbcTemplate jdbc, CurrentUser user) {
        this.jdbc = jdbc;
        this.user = user;
    }

    /**
     * What a query asks for: either case numbers (which override everything else), or a received-time range
     * {@code [from, to)} with optional item codes and open/closed states; newest first, at most {@code limit}.
     */
    public record Query(List<String> numbers, List<String> itemCodes, LocalDateTime from, LocalDateTime to,
                        Set<Boolean> open, int limit) {
    }

    /**
     * One case as the public sees it. {@code full} says the caller filed it: only then are {@code address},
     * {@code description}, {@code mediaUrl} (the filer's own link) and {@code reply} set and the coordinates exact.
     */
    public record Row(String number, CaseStatus status, String itemCode, LocalDateTime receivedAt,
                      LocalDateTime updatedAt, LocalDateTime dueAt, String districtCode, String streetCode,
                      String address, BigDecimal latitude, BigDecimal longitude, String leadUnitCode,
                      String description, String reply, CloseReason closeReason, boolean full, String mediaUrl) {

        public boolean open() {
            return !status.isFinal();
        }
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<Row> search(Query q) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        StringBuilder sql = new StringBuilder(COLUMNS);
        int limit = Math.max(1, Math.min(q.limit(), MAX_ROWS));
        if (q.numbers() != null && !q.numbers().isEmpty()) {
            sql.append("WHERE c.number IN (:numbers) ");
            p.addValue("numbers", q.numbers().stream().limit(MAX_NUMBERS).map(String::strip).toList());
        } else {
            sql.append("WHERE c.received_at >= :from AND c.received_at < :to ");
            p.addValue("from", q.from()).addValue("to", q.to());
            if (q.itemCodes() != null && !q.itemCodes().isEmpty()) {
                sql.append("AND c.item_code IN (:items) ");
                p.addValue("items", q.itemCodes());
            }
            if (q.open() != null && q.open().size() == 1) {
                sql.append(q.open().contains(Boolean.TRUE) ? "AND c.status NOT IN (:final) " : "AND c.status IN (:final) ");
                p.addValue("final", CaseStatus.FINAL.stream().map(Enum::name).collect(Collectors.toList()));
            }
        }
        sql.append("ORDER BY c.received_at DESC, c.id DESC LIMIT ").append(limit);
        String caller = caller();
        return jdbc.query(sql.toString(), p, (rs, i) -> row(rs, caller));
    }

    /** One case by its number, as {@link #search} would show it. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<Row> byNumber(String number) {
        if (number == null || number.isBlank() || number.length() > 24) {
            return Optional.empty();
        }
        String caller = caller();
        return jdbc.query(COLUMNS + "WHERE c.number = :n", new MapSqlParameterSource("n", number.strip()),
                (rs, i) -> row(rs, caller)).stream().findFirst();
    }

    /** The principal of a channel system (who may see its own cases whole), or null. */
    private String caller() {
        return user.hasRole(AppRoles.CHANNEL) ? user.username() : null;
    }

    private static Row row(ResultSet rs, String caller) throws SQLException {
        boolean full = caller != null && caller.equals(rs.getString("created_by"));
        String reason = rs.getString("close_reason");
        LocalDateTime received = time(rs, "received_at");
        LocalDateTime updated = time(rs, "updated_at");
        return new Row(rs.getString("number"), CaseStatus.valueOf(rs.getString("status")), rs.getString("item_code"),
                received, updated == null ? received : updated, time(rs, "handle_due_at"),
                rs.getString("district_code"), rs.getString("street_code"),
                full ? rs.getString("address") : null,
                coordinate(rs.getBigDecimal("latitude"), full), coordinate(rs.getBigDecimal("longitude"), full),
                rs.getString("lead_unit_code"),
                full ? rs.getString("description") : null,
                full ? rs.getString("reply_text") : null,
                reason == null ? null : CloseReason.valueOf(reason), full, full ? rs.getString("media_url") : null);
    }

    private static BigDecimal coordinate(BigDecimal exact, boolean full) {
        return exact == null || full ? exact : exact.setScale(3, RoundingMode.HALF_UP);
    }

    private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toLocalDateTime();
    }
}
