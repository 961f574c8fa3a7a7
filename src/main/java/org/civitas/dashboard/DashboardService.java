package org.civitas.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civitas.cases.CaseStatus;
import org.civitas.cases.Channel;
import org.civitas.catalog.CatalogService;
import org.civitas.catalog.ItemView;
import org.civitas.base.identity.AppRoles;
import org.civitas.base.identity.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of the role dashboards (工作台), read with plain SQL over the indexed columns of {@code case_file}:
 * deadlines and states live on the case row, so nothing is loaded as an entity. A unit clerk or a unit leader sees
 * only the cases their unit leads or handles (as a street); city-wide roles see every case.
 */
@Service
public class DashboardService {

    static final String CASE_ROLES = "hasAnyRole('OPERATOR','SUPERVISOR','UNIT_CLERK','INSPECTOR','LEADER')";
    static final String OVERVIEW_ROLES = "hasAnyRole('SUPERVISOR','LEADER')";
    static final int DEADLINES = 10;
    static final int TOP_ITEMS = 10;
    static final int TREND_DAYS = 30;

    /** The states in which the unit still owes an answer: their deadline runs. */
    private static final String AWAITING = CaseStatus.AWAITING_UNIT_SQL;
    /** The queue's states: the unit still owes an answer, or the answer awaits the supervisor and the rating. */
    private static final String QUEUED = CaseStatus.sqlList(queued());

    /**
     * Month and trend figures are a range on received_at. With only months of data a month is a large share of the
     * table and MariaDB prefers a full scan; over years of cases the range is the cheap path, so it is forced.
     */
    private static final String BY_RECEIVED = " force index (ix_case_received)";
    /** Received cases as the analysis and the rankings count them: an invalid or merged report is not a case. */
    private static final String COUNTED = " and status not in ('INVALID','MERGED')";

    private static Set<CaseStatus> queued() {
        Set<CaseStatus> states = EnumSet.copyOf(CaseStatus.AWAITING_UNIT);
        states.add(CaseStatus.REPLIED);
        return states;
    }

    private final JdbcTemplate jdbc;
    private final CurrentUser user;
    private final CatalogService catalog;
    private final Clock clock;

    DashboardService(JdbcTemplate jdbc, CurrentUser user, CatalogService catalog, Clock clock) {
        this.jdbc = jdbc;
        this.user = user;
        this.catalog = catalog;
        this.clock = clock;
    }

    @PreAuthorize(CASE_ROLES)
    @Transactional(readOnly = true)
    public QueueCounts queue() {
        LocalDateTime now = now();
        Scope scope = scope();
        String sql = """
                select coalesce(sum(status = 'DISPATCHED'), 0),
                       coalesce(sum(status = 'IN_PROGRESS'), 0),
                       coalesce(sum(status = 'RETURN_REQUESTED'), 0),
                       coalesce(sum(status = 'REPLIED' and rating is null), 0),
                       coalesce(sum(status in %1$s and handle_due_at < ?), 0),
                       coalesce(sum(status in %1$s and warn_at <= ? and handle_due_at >= ?), 0)
                from case_file
                where status in %2$s""".formatted(AWAITING, QUEUED)
                + scope.sql();
        return jdbc.queryForObject(sql, (rs, i) -> new QueueCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                rs.getLong(4), rs.getLong(5), rs.getLong(6)), scope.args(now, now, now));
    }

    /** The operator's own work: see {@link OperatorWork}. The queue is the whole city's, as every operator serves it. */
    @PreAuthorize("hasRole('OPERATOR')")
    @Transactional(readOnly = true)
    public OperatorWork operatorWork() {
        LocalDate today = now().toLocalDate();
        Long mine = jdbc.queryForObject("select count(*) from case_file" + BY_RECEIVED
                + " where received_at >= ? and received_at < ? and created_by = ?", Long.class,
                today.atStartOfDay(), today.plusDays(1).atStartOfDay(), user.username());
        Long queue = jdbc.queryForObject("select count(*) from case_file where status = 'REGISTERED'", Long.class);
        return new OperatorWork(mine == null ? 0 : mine, queue == null ? 0 : queue);
    }

    /** The open cases whose handling deadline comes first, overdue ones at the top. */
    @PreAuthorize(CASE_ROLES)
    @Transactional(readOnly = true)
    public List<DeadlineRow> nearestDeadlines() {
        Scope scope = scope();
        String sql = """
                select id, number, status, item_code, list_version_id, urgency, lead_unit_code, handling_unit_code,
                       handle_due_at, warn_at
                from case_file
                where status in %s and handle_due_at is not null""".formatted(AWAITING)
                + scope.sql() + " order by handle_due_at, id limit " + DEADLINES;
        return jdbc.query(sql, (rs, i) -> new DeadlineRow(rs.getLong("id"), rs.getString("number"),
                CaseStatus.valueOf(rs.getString("status")), rs.getString("item_code"),
                itemName(rs.getLong("list_version_id"), rs.getString("item_code")), rs.getString("urgency"),
                rs.getString("lead_unit_code"), rs.getString("handling_unit_code"),
                rs.getObject("handle_due_at", LocalDateTime.class), rs.getObject("warn_at", LocalDateTime.class)),
                scope.args());
    }

    @PreAuthorize(OVERVIEW_ROLES)
    @Transactional(readOnly = true)
    public Overview overview() {
        LocalDateTime now = now();
        LocalDate today = now.toLocalDate();
        YearMonth month = YearMonth.from(today);
        Scope scope = scope();
        LocalDateTime from = month.atDay(1).atStartOfDay();
        LocalDateTime to = month.plusMonths(1).atDay(1).atStartOfDay();
        String monthWhere = BY_RECEIVED + " where received_at >= ? and received_at < ?" + COUNTED + scope.sql();
        Object[] monthArgs = scope.args(from, to);

        String figures = """
                select count(*),
                       coalesce(sum(received_at >= ? and received_at < ?), 0),
                       coalesce(sum(replied_on_time), 0),
                       coalesce(sum(replied_on_time is not null or (status in %s and handle_due_at < ?)), 0),
                       coalesce(sum(rating in ('SATISFIED','BASICALLY_SATISFIED')), 0),
                       coalesce(sum(rating is not null), 0)
                from case_file""".formatted(AWAITING) + monthWhere;
        Object[] figureArgs = concat(new Object[] {today.atStartOfDay(), today.plusDays(1).atStartOfDay(), now},
                monthArgs);
        long[] f = jdbc.queryForObject(figures, (rs, i) -> longs(rs, 6), figureArgs);

        List<ItemCount> topItems = jdbc.query("select item_code, max(list_version_id) version_id, count(*) n"
                        + " from case_file" + monthWhere + " and item_code is not null"
                        + " group by item_code order by n desc, item_code limit " + TOP_ITEMS,
                (rs, i) -> new ItemCount(rs.getString("item_code"),
                        itemName(rs.getLong("version_id"), rs.getString("item_code")), rs.getLong("n")),
                monthArgs);

        List<ChannelCount> channels = jdbc.query("select channel, count(*) n from case_file" + monthWhere
                        + " group by channel order by n desc, channel",
                (rs, i) -> new ChannelCount(Channel.valueOf(rs.getString("channel")), rs.getLong("n")), monthArgs);

        return new Overview(today, month, f[1], f[0], new Rate(f[2], f[3]), new Rate(f[4], f[5]), topItems,
                trend(today, scope), channels);
    }

    private List<DayVolume> trend(LocalDate today, Scope scope) {
        LocalDate first = today.minusDays(TREND_DAYS - 1L);
        Object[] range = scope.args(first.atStartOfDay(), today.plusDays(1).atStartOfDay());
        Map<LocalDate, Long> received = perDay("select cast(received_at as date) d, count(*) n from case_file"
                + BY_RECEIVED + " where received_at >= ? and received_at < ?" + COUNTED + scope.sql() + " group by d",
                range);
        Map<LocalDate, Long> closed = perDay("select cast(closed_at as date) d, count(*) n from case_file"
                + " where status = 'CLOSED' and closed_at >= ? and closed_at < ?" + scope.sql() + " group by d", range);
        List<DayVolume> days = new ArrayList<>(TREND_DAYS);
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            days.add(new DayVolume(d, received.getOrDefault(d, 0L), closed.getOrDefault(d, 0L)));
        }
        return days;
    }

    private Map<LocalDate, Long> perDay(String sql, Object[] args) {
        Map<LocalDate, Long> counts = new HashMap<>();
        jdbc.query(sql, rs -> {
            counts.put(rs.getObject("d", LocalDate.class), rs.getLong("n"));
        }, args);
        return counts;
    }

    private String itemName(long versionId, String code) {
        if (code == null) {
            return null;
        }
        return catalog.item(versionId, code).map(ItemView::name).orElse(code);
    }

    /** The same rule as the inbox: city-wide roles see every case, a clerk or a unit leader their unit's. */
    private Scope scope() {
        if (user.hasRole(AppRoles.SUPERVISOR) || user.hasRole(AppRoles.OPERATOR)
                || user.hasRole(AppRoles.INSPECTOR)) {
            return new Scope(null);
        }
        Optional<String> unit = user.unitCode();
        if (user.hasRole(AppRoles.UNIT_CLERK)) {
            return new Scope(unit.orElse("-")); // a clerk without a unit sees nothing rather than everything
        }
        return new Scope(unit.orElse(null));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private static long[] longs(ResultSet rs, int n) throws SQLException {
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = rs.getLong(i + 1);
        }
        return values;
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] all = new Object[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** The unit a user is confined to, as a condition appended to a where clause; null unit: the whole city. */
    private record Scope(String unit) {

        String sql() {
            return unit == null ? "" : " and (lead_unit_code = ? or handling_unit_code = ?)";
        }

        Object[] args(Object... before) {
            return unit == null ? before : concat(before, new Object[] {unit, unit});
        }
    }
}
