package org.civitas.analysis;

import io.micrometer.core.annotation.Timed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.civitas.audit.AuditEvent;
import org.civitas.cases.CaseStatus;
import org.civitas.base.identity.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The half-monthly analysis (docs/design.md §7), city-wide, for supervisors and leaders. Volumes and rates are
 * read from the daily aggregates ({@link CaseDaily}, refreshed for dirty days first), the repeated addresses from
 * their address twin {@code case_daily_address}; the open overdue count and the ranked hot spots ({@link HotSpotQuery},
 * which needs complainants and coordinates) come from {@code case_file}.
 */
@Service
public class AnalysisService {

    static final String ROLES = "hasAnyRole('SUPERVISOR','LEADER')";
    static final int TOP = 20;
    static final int HOT_SPOTS = 10;
    /** How many ranked hot spots (集中问题, docs/decisions/DD070) the analysis lists. */
    static final int RANKED = 20;

    private final JdbcTemplate jdbc;
    private final CaseDaily daily;
    private final CaseDailyBackfill backfill;
    private final Clock clock;
    private final CurrentUser user;
    private final ApplicationEventPublisher events;
    private final AnalysisExports exports;
    private final HotSpotQuery hotSpots;

    AnalysisService(JdbcTemplate jdbc, CaseDaily daily, CaseDailyBackfill backfill, Clock clock, CurrentUser user,
                    ApplicationEventPublisher events, AnalysisExports exports, HotSpotQuery hotSpots) {
        this.hotSpots = hotSpots;
        this.jdbc = jdbc;
        this.daily = daily;
        this.backfill = backfill;
        this.clock = clock;
        this.user = user;
        this.events = events;
        this.exports = exports;
    }

    /** Whether the daily aggregates are being rebuilt, when the analysis may not yet count every case. */
    @PreAuthorize(ROLES)
    public CaseDailyBackfill.Progress rebuild() {
        return backfill.progress();
    }

    /** The half month that holds today. */
    @PreAuthorize(ROLES)
    public HalfMonth current() {
        return HalfMonth.containing(LocalDateTime.now(clock).toLocalDate());
    }

    @PreAuthorize(ROLES)
    // READ COMMITTED: the refresh of the dirty days runs in this transaction, and reads the cases without locking
    // them (CaseDaily); the analysis itself reads the aggregates
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Analysis analyse(HalfMonth period) {
        daily.refreshDirty();
        HalfMonth prev = period.previous();
        Names names = names();
        return new Analysis(period, rates(period), rates(prev),
                volumes("district_code", period, names.units, 100),
                volumes("street_code", period, names.units, TOP),
                volumes("category_code", period, names.categories, 100),
                volumes("item_code", period, names.items, TOP),
                volumes("unit_code", period, names.units, 200),
                volumes("channel", period, Map.of(), 100),
                addressHotSpots(period, names), itemHotSpots(period, names, HOT_SPOTS, 2),
                hotSpots.rank(new SpotFilter(period.first(), period.last(), Set.of(), Set.of(), RANKED)));
    }

    /** The analysis as a PDF (Jasper template reports/half-month-analysis.jrxml); audited. */
    @PreAuthorize(ROLES)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    @Timed(value = "civitas.export", extraTags = {"report", "analysis", "format", "pdf"})
    public byte[] pdf(HalfMonth period, Locale locale) {
        byte[] pdf = exports.pdf(analyse(period), locale);
        audit("ANALYSIS_PDF_DOWNLOADED", period);
        return pdf;
    }

    /** The analysis as an Excel workbook, a sheet per section; audited. */
    @PreAuthorize(ROLES)
    @Transactional(isolation = Isolation.READ_COMMITTED)
    @Timed(value = "civitas.export", extraTags = {"report", "analysis", "format", "xlsx"})
    public byte[] excel(HalfMonth period, Locale locale) {
        byte[] xlsx = exports.excel(analyse(period), locale);
        audit("ANALYSIS_EXCEL_DOWNLOADED", period);
        return xlsx;
    }

    private void audit(String action, HalfMonth period) {
        events.publishEvent(new AuditEvent(user.username(), action, "analysis", period.code(), null, null,
                period.first() + ".." + period.last()));
    }

    Rates rates(HalfMonth p) {
        LocalDateTime end = p.last().plusDays(1).atStartOfDay();
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime cutoff = end.isBefore(now) ? end : now;
        long[] s = jdbc.queryForObject("""
                select coalesce(sum(received), 0), coalesce(sum(sign_known), 0), coalesce(sum(signed_on_time), 0),
                       coalesce(sum(replied), 0), coalesce(sum(replied_on_time), 0), coalesce(sum(rated), 0),
                       coalesce(sum(satisfied), 0), coalesce(sum(solved_known), 0), coalesce(sum(solved), 0)
                from case_daily where day between ? and ?""", (rs, i) -> {
            long[] v = new long[9];
            for (int k = 0; k < 9; k++) {
                v[k] = rs.getLong(k + 1);
            }
            return v;
        }, p.first(), p.last());
        // still open and overdue at the period's end (or now, while the period runs). EXPLAIN: ix_case_status_due,
        // one range per open status up to the cut-off: it reads only open cases already due (a few hundred of
        // 612,000 in the bench database, < 1 ms), the set the deadline board and sweep keep warm. Should a backlog
        // make them many, force ix_case_month_scores: it covers received_at, status and handle_due_at, so the
        // half month's range of it (bounded by the period's cases) answers without reading a row.
        long openOverdue = jdbc.queryForObject("""
                select count(*) from case_file
                where status in %s and handle_due_at < ?
                  and received_at >= ? and received_at < ?""".formatted(CaseStatus.AWAITING_UNIT_SQL), Long.class,
                cutoff, p.first().atStartOfDay(), end);
        return new Rates(s[0], s[1], s[2], s[3], s[4], openOverdue, s[5], s[6], s[7], s[8]);
    }

    private List<Volume> volumes(String column, HalfMonth p, Map<String, String> names, int limit) {
        HalfMonth prev = p.previous();
        return jdbc.query("select " + column + " code,"
                        + " coalesce(sum(case when day >= ? then received end), 0) n,"
                        + " coalesce(sum(case when day < ? then received end), 0) pn"
                        + " from case_daily where day between ? and ?"
                        + " group by " + column + " having n > 0 order by n desc, code limit " + limit,
                (rs, i) -> {
                    String code = rs.getString("code");
                    return new Volume(code, code.isEmpty() ? "" : names.getOrDefault(code, code), rs.getLong("n"),
                            rs.getLong("pn"));
                }, p.first(), p.first(), prev.first(), p.last());
    }

    /**
     * The addresses reported at least twice: one range of {@code case_daily_address} (its key leads with the half
     * month) summed in key order. The derived table keeps it so: with the ORDER BY on the same level MariaDB groups
     * the ~116 k rows of a half month in a temporary table (measured 200–360 ms against ~100 ms).
     */
    private List<HotSpot> addressHotSpots(HalfMonth p, Names names) {
        return jdbc.query("""
                select * from (select district_code, street_code, address, sum(cases) n
                               from case_daily_address where half_month = ?
                               group by district_code, street_code, address having n >= 2) repeated
                order by n desc, street_code, address, district_code limit %d""".formatted(HOT_SPOTS),
                (rs, i) -> new HotSpot(names.unit(rs.getString(1)), names.unit(rs.getString(2)), rs.getString(3),
                        "", rs.getLong(4)),
                p.first());
    }

    private List<HotSpot> itemHotSpots(HalfMonth p, Names names, int limit, int min) {
        return jdbc.query("""
                select max(district_code), street_code, item_code, sum(received) n from case_daily
                where day between ? and ? and street_code <> '' and item_code <> ''
                group by street_code, item_code having n >= ?
                order by n desc, street_code, item_code limit %d""".formatted(limit),
                (rs, i) -> new HotSpot(names.unit(rs.getString(1)), names.unit(rs.getString(2)), "",
                        names.items.getOrDefault(rs.getString(3), rs.getString(3)), rs.getLong(4)),
                p.first(), p.last(), min);
    }

    private Names names() {
        Names n = new Names(new HashMap<>(), new HashMap<>(), new HashMap<>());
        jdbc.query("select code, name from unit", rs -> { n.units.put(rs.getString(1), rs.getString(2)); });
        jdbc.query("select code, name from category", rs -> { n.categories.put(rs.getString(1), rs.getString(2)); });
        // an item keeps its code across list versions; the newest version's name is shown
        jdbc.query("select code, name from list_item order by id", rs -> { n.items.put(rs.getString(1), rs.getString(2)); });
        return n;
    }

    private record Names(Map<String, String> units, Map<String, String> categories, Map<String, String> items) {
        String unit(String code) {
            return code == null ? "" : units.getOrDefault(code, code);
        }
    }
}
