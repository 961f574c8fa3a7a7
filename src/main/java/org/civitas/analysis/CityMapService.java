package org.civitas.analysis;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures behind the city map (docs/decisions/DD071-city-map.md), for supervisors and leaders: rates per area
 * and per street from the daily aggregates (as the analysis, DD011), and the heat layer's grid cells counted on
 * the server from {@code ix_case_received_point}, so the browser gets a few hundred cells, never the cases.
 */
@Service
public class CityMapService {

    /** A cell is 0.01° (≈ 1.1 km north–south, 960 m east–west in Wuhan): a neighbourhood, finer than a street. */
    static final double CELL = 0.01;
    private static final int PER_DEGREE = (int) Math.round(1 / CELL);

    private final JdbcTemplate jdbc;
    private final CaseDaily daily;
    private final AreaRates areaRates;

    CityMapService(JdbcTemplate jdbc, CaseDaily daily, AreaRates areaRates) {
        this.jdbc = jdbc;
        this.daily = daily;
        this.areaRates = areaRates;
    }

    /** The areas' rates and the cases' grid cells for the received days {@code from}..{@code to}. */
    @PreAuthorize(AnalysisService.ROLES)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public CityFigures figures(LocalDate from, LocalDate to) {
        daily.refreshDirty();
        Map<String, String> names = unitNames();
        List<CityFigures.Area> areas = areaRates.of("district_code", null, from, to).entrySet().stream()
                .filter(e -> !e.getKey().isEmpty())
                .map(e -> new CityFigures.Area(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), e.getValue()))
                .toList();
        return new CityFigures(from, to, areas, cells(from, to), CELL);
    }

    /** The streets of one district with their rates, most cases first: a district's drill-down. */
    @PreAuthorize(AnalysisService.ROLES)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public List<CityFigures.Area> streets(String districtCode, LocalDate from, LocalDate to) {
        daily.refreshDirty();
        Map<String, String> names = unitNames();
        return areaRates.of("street_code", districtCode, from, to).entrySet().stream()
                .map(e -> new CityFigures.Area(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), e.getValue()))
                .sorted((a, b) -> Long.compare(b.rates().received(), a.rates().received()))
                .toList();
    }

    /**
     * The period's cases with a point, counted per cell. EXPLAIN: a range of ix_case_received_point (received_at,
     * status, latitude, longitude), "Using where; Using index; Using temporary": the rows are never read, and the
     * temporary table holds one row per cell (hundreds), not per case.
     */
    List<CityFigures.Cell> cells(LocalDate from, LocalDate to) {
        return jdbc.query("""
                select floor(latitude * %1$d) la, floor(longitude * %1$d) lo, count(*) n
                from case_file force index (ix_case_received_point)
                where received_at >= ? and received_at < ? and status not in ('INVALID', 'MERGED')
                  and latitude is not null and longitude is not null
                group by la, lo""".formatted(PER_DEGREE),
                (rs, i) -> new CityFigures.Cell((rs.getLong(1) + 0.5) / PER_DEGREE, (rs.getLong(2) + 0.5) / PER_DEGREE,
                        rs.getLong(3)),
                from.atStartOfDay(), to.plusDays(1).atStartOfDay());
    }

    private Map<String, String> unitNames() {
        Map<String, String> n = new HashMap<>();
        jdbc.query("select code, name from unit", rs -> { n.put(rs.getString(1), rs.getString(2)); });
        return n;
    }
}
