package org.civitas.analysis;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civitas.cases.CaseStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The analysis's rates per district or per street of one district, for the city map and the PDF's map. */
@Component
class AreaRates {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AreaRates(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Rates per district or street as the analysis computes them for the city ({@link Rates}), the open overdue
     * cases counted per code from case_file as there (ix_case_status_due).
     */
    Map<String, Rates> of(String column, String district, LocalDate from, LocalDate to) {
        String where = district == null ? "" : " and district_code = ? and street_code <> ''";
        Object[] args = district == null ? new Object[] {from, to} : new Object[] {from, to, district};
        LocalDateTime end = to.plusDays(1).atStartOfDay();
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime cutoff = end.isBefore(now) ? end : now;
        Map<String, Long> overdue = new HashMap<>();
        String overdueColumn = "coalesce(" + column + ", '')";
        List<Object> overdueArgs = new ArrayList<>(List.of(cutoff, from.atStartOfDay(), end));
        if (district != null) {
            overdueArgs.add(district);
        }
        jdbc.query("select " + overdueColumn + ", count(*) from case_file where status in "
                        + CaseStatus.AWAITING_UNIT_SQL + " and handle_due_at < ? and received_at >= ? and received_at < ?"
                        + (district == null ? "" : " and district_code = ?") + " group by 1",
                rs -> { overdue.put(rs.getString(1), rs.getLong(2)); }, overdueArgs.toArray());
        Map<String, Rates> rates = new LinkedHashMap<>();
        jdbc.query("select " + column + ", sum(received), sum(sign_known), sum(signed_on_time), sum(replied),"
                + " sum(replied_on_time), sum(rated), sum(satisfied), sum(solved_known), sum(solved)"
                + " from case_daily where day between ? and ?" + where + " group by " + column
                + " order by " + column, rs -> {
                    String code = rs.getString(1);
                    rates.put(code, new Rates(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6), overdue.getOrDefault(code, 0L), rs.getLong(7), rs.getLong(8),
                            rs.getLong(9), rs.getLong(10)));
                }, args);
        return rates;
    }

}
