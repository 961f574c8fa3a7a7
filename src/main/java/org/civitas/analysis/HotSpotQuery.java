package org.civitas.analysis;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civitas.cases.duplicates.AddressNormaliser;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the cases of a period (and the 28 days before its end, for the trend) as {@link HotSpotRanking.Fact}s and
 * ranks them. INVALID and MERGED cases are left out, as in every figure of the analysis. The complainant's phone is
 * hashed in the query and only compared: no number leaves it. Reads {@code case_file} by {@code ix_case_received}
 * (the aggregates hold no complainant or coordinates): about a month of cases per call (docs/decisions/DD070).
 */
@Component
class HotSpotQuery {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    HotSpotQuery(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<RankedSpot> rank(SpotFilter f) {
        LocalDateTime end = f.to().plusDays(1).atStartOfDay();
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime trendStart = f.to().minusDays(2L * HotSpotRanking.TREND_DAYS - 1).atStartOfDay();
        LocalDateTime start = f.from().atStartOfDay().isBefore(trendStart) ? f.from().atStartOfDay() : trendStart;
        var p = new MapSqlParameterSource("start", start).addValue("end", end)
                .addValue("cutoff", end.isBefore(now) ? end : now);
        StringBuilder sql = new StringBuilder("""
                select district_code, street_code, address, latitude, longitude, item_code,
                       case when complainant_phone is null or complainant_phone = '' then null
                            else sha2(complainant_phone, 256) end complainant,
                       coalesce(rating = 'DISSATISFIED', false) dissatisfied,
                       coalesce(handle_due_at < coalesce(replied_at, closed_at, :cutoff), false) overdue,
                       received_at
                from case_file
                where received_at >= :start and received_at < :end and status not in ('INVALID', 'MERGED')
                  and item_code is not null""");
        if (!f.districtCodes().isEmpty()) {
            sql.append(" and district_code in (:districts)");
            p.addValue("districts", f.districtCodes());
        }
        if (!f.categoryCodes().isEmpty()) {
            sql.append(" and category_code in (:categories)");
            p.addValue("categories", f.categoryCodes());
        }
        List<HotSpotRanking.Fact> facts = new ArrayList<>();
        jdbc.query(sql.toString(), p, rs -> {
            String address = rs.getString("address");
            java.math.BigDecimal lat = rs.getBigDecimal("latitude"), lon = rs.getBigDecimal("longitude");
            Timestamp received = rs.getTimestamp("received_at");
            facts.add(new HotSpotRanking.Fact(rs.getString("district_code"), rs.getString("street_code"), address,
                    HotSpotRanking.addressKey(AddressNormaliser.address(address)),
                    lat == null ? null : lat.doubleValue(), lon == null ? null : lon.doubleValue(),
                    rs.getString("item_code"), rs.getString("complainant"), rs.getBoolean("dissatisfied"),
                    rs.getBoolean("overdue"), received.toLocalDateTime().toLocalDate()));
        });
        List<HotSpotRanking.Spot> spots = HotSpotRanking.rank(facts, f.from(), f.to(), f.limit());
        if (spots.isEmpty()) {
            return List.of();
        }
        Map<String, String> units = new HashMap<>(), items = new HashMap<>();
        jdbc.query("select code, name from unit", rs -> { units.put(rs.getString(1), rs.getString(2)); });
        // an item keeps its code across list versions; the newest version's name is shown
        jdbc.query("select code, name from list_item order by id", rs -> { items.put(rs.getString(1), rs.getString(2)); });
        return spots.stream().map(s -> new RankedSpot(s.key(), s.cell(), s.districtCode(), name(units,
                s.districtCode()), s.streetCode(), name(units, s.streetCode()), s.place(), s.itemCode(),
                items.getOrDefault(s.itemCode(), s.itemCode()), s.latitude(), s.longitude(), s.count(),
                s.repeatComplainants(), s.dissatisfied(), s.overdue(), s.rising(), s.score())).toList();
    }

    private static String name(Map<String, String> names, String code) {
        return code == null ? "" : names.getOrDefault(code, code);
    }
}
