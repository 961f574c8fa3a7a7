package org.civitas.bench;

import static org.civitas.bench.Bench.as;
import static org.civitas.bench.Bench.ms;
import static org.civitas.bench.Bench.ratio;
import static org.civitas.bench.Bench.timed;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The city map's data (docs/decisions/DD071-city-map.md): a half month's and the home page's 30 days' areas and grid
 * cells through {@code CityMapService.figures}, beside the bare cell count over {@code case_file} by the clustered
 * index (every row read), which is what the covering index spares.
 */
class MapBench extends BenchFixture {

    @Autowired
    org.civitas.analysis.CityMapService cityMap;
    @Autowired
    org.civitas.analysis.CaseDaily daily;

    @Test
    void map_figures() throws Exception {
        LocalDate to = LocalDate.now().minusDays(1), from = to.minusDays(29);
        daily.refresh(from, to);
        long inPeriod = jdbc.queryForObject("select count(*) from case_file where received_at >= ? and received_at < ?",
                Long.class, from.atStartOfDay(), to.plusDays(1).atStartOfDay());
        as("SUPERVISOR", () -> cityMap.figures(from.minusDays(30), from.minusDays(1)));
        var f = as("SUPERVISOR", () -> cityMap.figures(from, to));
        double[] civitas = timed(3, () -> as("SUPERVISOR", () -> cityMap.figures(from, to)));
        double[] raw = timed(3, () -> jdbc.queryForList("""
                select floor(latitude * 100), floor(longitude * 100), count(*)
                from case_file ignore index (ix_case_received_point)
                where received_at >= ? and received_at < ? and status not in ('INVALID', 'MERGED')
                  and latitude is not null group by 1, 2""", from.atStartOfDay(), to.plusDays(1).atStartOfDay()));
        Bench.row("62-map", String.format("city map, 30 days %s..%s (%,d cases, %,d cells) through "
                        + "`CityMapService.figures` (area rates from the aggregates + cells from "
                        + "`ix_case_received_point`)", from, to, inPeriod, f.cells().size()),
                "median " + ms(civitas[0]) + ", first " + ms(civitas[1]),
                "the same cells without the covering index: median " + ms(raw[0]) + ", first " + ms(raw[1]),
                ratio(civitas[0], raw[0]), "< 1 s", Math.max(civitas[0], civitas[1]) < 1000);
    }
}
