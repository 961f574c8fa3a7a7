package org.civitas.supervision;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The board's SQL: plain statements over the deadline indexes of {@code case_file} ({@code status, handle_due_at})
 * and the unit index of {@code supervision_order}, returning records. No entity is loaded.
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
    List<BoardCase> dueBefore(LocalDateTime before, Optional<String> scope, int limit) {
        return cases(" and c.handle_due_at < :before", new MapSqlParameterSource("before", before), scope, limit);
    }

    /** Open cases due in {@code [from, to]}, optionally emergency items only. */
    List<BoardCase> dueBetween(LocalDateTime from, LocalDateTime to, boolean emergencyOnly, Optional<String> scope,
                               int limit) {
        String where = " and c.handle_due_at >= :from and c.handle_due_at <= :to"
                + (emergencyOnly ? " and c.urgency = 'EMERGENCY'" : "");
        return cases(where, new MapSqlParameterSource("from", from).addValue("to", to), scope, limit);
    }

    /** Open, warning, overdue per lead unit; supervised = cases with an open supervision order (not a reminder). */
    List<UnitLoad> unitLoads(LocalDateTime now, Optional<String> scope) {
        MapSqlParameterSource p = new MapSqlParameterSource("now", now);
        scope.ifPresent(u -> p.addValue("scope", u));
        Map<String, long[]> byUnit = new TreeMap<>();
        jdbc.query("""
                select c.lead_unit_code,
                       count(*),
                       sum(case when c.warn_at <= :now and c.handle_due_at >= :now then 1 else 0 end),
                       sum(case when c.handle_due_at < :now then 1 else 0 end)
                from case_file c
                where c.status in %s and c.lead_unit_code is not null%s
                group by c.lead_unit_code""".formatted(DeadlineSweep.AWAITING, scope.isPresent() ? SCOPE : ""), p,
                rs -> {
                    byUnit.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), 0});
                });
        jdbc.query("""
                select o.unit_code, count(distinct o.case_id) from supervision_order o
                where o.state = 'OPEN' and o.level in ('SUPERVISION', 'LISTED')%s
                group by o.unit_code""".formatted(scope.isPresent() ? " and o.unit_code = :scope" : ""), p, rs -> {
                    byUnit.computeIfAbsent(rs.getString(1), u -> new long[4])[3] = rs.getLong(2);
                });
        List<UnitLoad> loads = new ArrayList<>();
        byUnit.forEach((unit, n) -> loads.add(new UnitLoad(unit, n[0], n[1], n[2], n[3])));
        return loads;
    }

    private List<BoardCase> cases(String where, MapSqlParameterSource p, Optional<String> scope, int limit) {
        scope.ifPresent(u -> p.addValue("scope", u));
        p.addValue("limit", limit);
        return jdbc.query("""
                select c.id, c.number, c.item_code, i.name as item_name, c.urgency, c.lead_unit_code, c.status,
                       c.handle_due_at
                from case_file c left join list_item i on i.id = c.list_item_id
                where c.status in %s%s%s
                order by c.handle_due_at, c.id
                limit :limit""".formatted(DeadlineSweep.AWAITING, where, scope.isPresent() ? SCOPE : ""), p, ROW);
    }
}
