package org.civitas.supervision;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.civitas.cases.CaseStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The board's SQL: plain statements over the deadline indexes of {@code case_file} ({@code status, handle_due_at},
 * {@code lead_unit_code, …}, {@code district_code, …}) and the unit index of {@code supervision_order}, returning
 * records. No entity is loaded.
 */
@Component
class BoardQueries {

    private static final String SCOPE = " and (c.lead_unit_code = :scope or c.handling_unit_code = :scope"
            + " or exists (select 1 from case_co_unit u where u.case_id = c.id and u.unit_code = :scope))";
    private static final RowMapper<BoardCase> ROW = (rs, i) -> new BoardCase(rs.getLong("id"),
            rs.getString("number"), rs.getString("item_code"), rs.getString("item_name"), rs.getString("urgency"),
            rs.getString("lead_unit_code"), rs.getString("status"),
            rs.getTimestamp("handle_due_at").toLocalDateTime());

    private final NamedParameterJdbcTemplate jdbc;

    BoardQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Open cases due before {@code before}: the overdue section, most overdue first. */
    List<BoardCase> dueBefore(LocalDateTime before, Optional<String> scope, BoardFilter f, int offset, int limit) {
        return cases(" and c.handle_due_at < :before", new MapSqlParameterSource("before", before), scope, f, offset,
                limit);
    }

    /** Open cases due in {@code [from, to]}, optionally emergency items only. */
    List<BoardCase> dueBetween(LocalDateTime from, LocalDateTime to, boolean emergencyOnly, Optional<String> scope,
                               BoardFilter f, int offset, int limit) {
        String where = " and c.handle_due_at >= :from and c.handle_due_at <= :to"
                + (emergencyOnly ? " and c.urgency = 'EMERGENCY'" : "");
        return cases(where, new MapSqlParameterSource("from", from).addValue("to", to), scope, f, offset, limit);
    }

    /**
     * How many cases each section holds in all (its list stops at the limit): overdue, emergency due by
     * {@code twoHours}, due by {@code endOfToday}, due in {@code [soonFrom, soonTo]}. One range scan for the four.
     */
    long[] sectionTotals(LocalDateTime now, LocalDateTime twoHours, LocalDateTime endOfToday, LocalDateTime soonFrom,
                         LocalDateTime soonTo, Optional<String> scope, BoardFilter f) {
        LocalDateTime last = max(max(twoHours, endOfToday), soonTo);
        MapSqlParameterSource p = new MapSqlParameterSource("now", now).addValue("twoHours", twoHours)
                .addValue("endOfToday", endOfToday).addValue("soonFrom", soonFrom).addValue("soonTo", soonTo)
                .addValue("last", last);
        String where = where(scope, f, p);
        return jdbc.query("""
                select sum(case when c.handle_due_at < :now then 1 else 0 end),
                       sum(case when c.urgency = 'EMERGENCY' and c.handle_due_at >= :now
                                 and c.handle_due_at <= :twoHours then 1 else 0 end),
                       sum(case when c.handle_due_at >= :now and c.handle_due_at <= :endOfToday then 1 else 0 end),
                       sum(case when c.handle_due_at >= :soonFrom and c.handle_due_at <= :soonTo then 1 else 0 end)
                from case_file c
                where c.status in %s and c.handle_due_at <= :last%s""".formatted(CaseStatus.AWAITING_UNIT_SQL,
                        where), p,
                rs -> {
                    rs.next();
                    return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)};
                });
    }

    /**
     * Open, warning, overdue per lead unit; supervised = cases with an open supervision order (not a reminder), per
     * unit the order went to. With a scope, one row: every case of that unit (led, handled or co-handled), whichever
     * unit leads it.
     */
    List<UnitLoad> unitLoads(LocalDateTime now, Optional<String> scope, BoardFilter f) {
        MapSqlParameterSource p = new MapSqlParameterSource("now", now);
        String where = where(scope, f, p);
        Map<String, long[]> byUnit = new TreeMap<>();
        scope.ifPresent(u -> byUnit.put(u, new long[4]));
        // scoped: no grouping, the one row is the scope unit's whoever leads its cases
        String unit = scope.isPresent() ? "" : "c.lead_unit_code, ";
        jdbc.query("""
                select %1$scount(*),
                       sum(case when c.warn_at <= :now and c.handle_due_at >= :now then 1 else 0 end),
                       sum(case when c.handle_due_at < :now then 1 else 0 end)
                from case_file c
                where c.status in %2$s and c.lead_unit_code is not null%3$s%4$s""".formatted(unit,
                CaseStatus.AWAITING_UNIT_SQL, where, scope.isPresent() ? "" : " group by c.lead_unit_code"), p,
                rs -> {
                    int i = scope.isPresent() ? 0 : 1;
                    String code = scope.isPresent() ? scope.get() : rs.getString(1);
                    byUnit.put(code, new long[] {rs.getLong(i + 1), rs.getLong(i + 2), rs.getLong(i + 3), 0});
                });
        String ofCase = f.districtCode() == null && f.leadUnitCode() == null ? ""
                : " and exists (select 1 from case_file c where c.id = o.case_id" + filter(f, p) + ")";
        jdbc.query("""
                select o.unit_code, count(distinct o.case_id) from supervision_order o
                where o.state = 'OPEN' and o.level in ('SUPERVISION', 'LISTED')%s%s
                group by o.unit_code""".formatted(scope.isPresent() ? " and o.unit_code = :scope" : "", ofCase), p,
                rs -> {
                    byUnit.computeIfAbsent(rs.getString(1), u -> new long[4])[3] = rs.getLong(2);
                });
        List<UnitLoad> loads = new ArrayList<>();
        byUnit.forEach((code, n) -> loads.add(new UnitLoad(code, n[0], n[1], n[2], n[3])));
        return loads;
    }

    /**
     * A page by position: the lists hold open cases only (read in deadline order through the status and deadline
     * indexes), so even a deep page skips at most the open backlog of one section, never the closed millions.
     */
    private List<BoardCase> cases(String where, MapSqlParameterSource p, Optional<String> scope, BoardFilter f,
                                  int offset, int limit) {
        String more = where(scope, f, p);
        p.addValue("limit", limit).addValue("offset", offset);
        return jdbc.query("""
                select c.id, c.number, c.item_code, i.name as item_name, c.urgency, c.lead_unit_code, c.status,
                       c.handle_due_at
                from case_file c left join list_item i on i.id = c.list_item_id
                where c.status in %s%s%s
                order by c.handle_due_at, c.id
                limit :limit offset :offset""".formatted(CaseStatus.AWAITING_UNIT_SQL, where, more), p, ROW);
    }

    /** The clerk's scope and the chosen filters, as conditions on {@code c}; binds their parameters. */
    private static String where(Optional<String> scope, BoardFilter f, MapSqlParameterSource p) {
        scope.ifPresent(u -> p.addValue("scope", u));
        return filter(f, p) + (scope.isPresent() ? SCOPE : "");
    }

    private static String filter(BoardFilter f, MapSqlParameterSource p) {
        StringBuilder sql = new StringBuilder();
        if (f.districtCode() != null) {
            sql.append(" and c.district_code = :district");
            p.addValue("district", f.districtCode());
        }
        if (f.leadUnitCode() != null) {
            sql.append(" and c.lead_unit_code = :lead");
            p.addValue("lead", f.leadUnitCode());
        }
        return sql.toString();
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }
}
