package org.civitas.cases.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.civitas.cases.CaseStatus;
import org.civitas.cases.Channel;
import org.civitas.cases.PhoneMask;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The inbox query: filters, unit scope and keyset paging over the indexed columns of {@code case_file}, in SQL: a
 * page at a time for the grid, streamed over one JDBC result set for the export. Both are built by the same
 * {@link #where} from the same filter, so they select the same rows in the same order. No count query is ever run.
 */
@Component
public class CaseQueries {

    /** Rows the driver fetches from the server at a time while the export streams. */
    static final int STREAM_FETCH = 1000;

    private static final String SQL_COLUMNS = """
            select c.id, c.number, c.status, c.channel, c.received_at, c.category_code, c.item_code, c.urgency,
                   c.district_code, c.street_code, c.address, c.lead_unit_code, c.handling_unit_code, c.sign_due_at,
                   c.handle_due_at, c.warn_at, c.complainant_phone, c.reopen_count
            from case_file c""";

    private final NamedParameterJdbcTemplate streaming;
    private final NamedParameterJdbcTemplate plain;
    /** The keyword filter may ask the Mroonga side table (DD031); decided once at start. */
    private final boolean fulltext;
    /**
     * Matches per keyword, for the choice of plan only (never the rows): a user paging through one keyword's cases
     * counts it once a minute, not once a page (≈ 150 ms for a word in 400,000 cases at 21.9 M).
     */
    private final org.civitas.base.ReferenceCache<String, Long> matchCounts =
            new org.civitas.base.ReferenceCache<>(java.time.Duration.ofMinutes(1), 10_000);

    CaseQueries(DataSource dataSource, CaseSearchIndex search) {
        this.fulltext = search.fulltext();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // MariaDB Connector/J streams a forward-only result set when the fetch size is set: the rows arrive
        // STREAM_FETCH at a time instead of all at once
        jdbc.setFetchSize(STREAM_FETCH);
        this.streaming = new NamedParameterJdbcTemplate(jdbc);
        this.plain = new NamedParameterJdbcTemplate(dataSource);
    }

    /**
     * One page in deadline order: {@code limit} rows, after skipping {@code skip} rows that follow {@code after}
     * (null: the start). With nothing to skip and a filter that is not open-only, this is one plain keyset query.
     * Otherwise the page's positions (deadline, id) are found first, by a query that reads only those two columns
     * (from an index that holds them when the filter's columns are in it too, so skipping costs index entries, not
     * table rows), and only the page's rows are then read by primary key.
     * <p>
     * When the filter keeps to open cases (the inbox's usual view), the indexes that merely give deadline order are
     * kept out of the plan: otherwise MariaDB walks {@code ix_case_due} from the oldest deadline and reads the
     * millions of closed cases before the first open one (measured at 13 M cases: over 7 minutes). The open cases
     * are then read as a union of ranges, one per state and, for a unit, per way it holds a case (see
     * {@link #openKeys}), instead of an {@code OR} over every open case of the city.
     */
    public List<CaseRow> page(CaseFilter f, Optional<String> scopeUnit, InboxCursor after, int skip, int limit,
                       boolean maskPhone, LocalDateTime now) {
        return page(f, InboxOrder.DEADLINE, scopeUnit, after, skip, limit, maskPhone, now);
    }

    /**
     * As {@link #page(CaseFilter, Optional, InboxCursor, int, int, boolean, LocalDateTime)}, in {@code order}. The
     * state order needs the per-state ranges of {@link #openKeys}: without them (a filter that is not open-only, or
     * one the keyword index drives) it falls back to the deadline order, the same way on every page.
     */
    public List<CaseRow> page(CaseFilter f, InboxOrder order, Optional<String> scopeUnit, InboxCursor after, int skip,
                       int limit, boolean maskPhone, LocalDateTime now) {
        Map<String, Object> params = new HashMap<>();
        String sql;
        int n = Math.max(1, limit);
        boolean index = byIndex(f, scopeUnit);
        if (openOnly(f) && openStates(f).isEmpty()) {
            return List.of(); // e.g. overdue among replied cases: no such case can exist
        }
        boolean byState = order == InboxOrder.STATE && openOnly(f) && !index;
        InboxOrder o = order == InboxOrder.STATE ? InboxOrder.DEADLINE : order;
        String dir = o.direction();
        if (skip <= 0 && !openOnly(f)) {
            StringBuilder q = new StringBuilder(SQL_COLUMNS).append(" where 1 = 1");
            scope(q, params, scopeUnit);
            where(q, params, f, now, index);
            after(q, params, after, o, "c." + o.column, "c.id");
            // MariaDB sorts NULL first in ascending order, as JPQL on MariaDB did
            sql = q.append(" order by c.").append(o.column).append(dir).append(", c.id").append(dir)
                    .append(" limit ").append(n).toString();
        } else {
            String keys = openOnly(f)
                    ? openKeys(params, f, scopeUnit, after, Math.max(0, skip), n, now, index, byState, o)
                    : keys(params, f, scopeUnit, after, now, index, o) + " order by c." + o.column + dir + ", c.id"
                    + dir + " limit " + Math.max(0, skip) + ", " + n;
            sql = "select straight_join " + SQL_COLUMNS.substring("select ".length()).replace("from case_file c",
                    "from (" + keys + ") k join case_file c on c.id = k.id")
                    + (openOnly(f) ? " order by k.r, " : " order by ") + "k.s" + dir + ", k.id" + dir;
        }
        params.replaceAll((k, v) -> jdbcValue(v));
        return plain.query(sql, params, (rs, i) -> {
            CaseRow r = row(rs);
            return maskPhone ? masked(r) : r;
        });
    }

    /** Counted exactly up to here: the index entries of ten thousand cases, once per filter, not per scroll. */
    static final int COUNT_CAP = 10_000;

    /**
     * How many cases a page of {@code f} would walk through: the positions of at most {@value #COUNT_CAP} + 1 of
     * them counted (the same index ranges a page reads); past the cap, the optimizer's estimate of the filtered rows
     * ({@code EXPLAIN}), which reads no rows. Never a {@code count(*)} over millions.
     */
    public InboxTotal total(CaseFilter f, Optional<String> scopeUnit, LocalDateTime now) {
        if (openOnly(f) && openStates(f).isEmpty()) {
            return new InboxTotal(0, true);
        }
        Map<String, Object> params = new HashMap<>();
        boolean index = byIndex(f, scopeUnit);
        String keys = openOnly(f)
                ? openKeys(params, f, scopeUnit, null, 0, COUNT_CAP + 1, now, index, false, InboxOrder.DEADLINE)
                : keys(params, f, scopeUnit, null, now, index, InboxOrder.DEADLINE) + " limit " + (COUNT_CAP + 1);
        params.replaceAll((k, v) -> jdbcValue(v));
        Long counted = plain.queryForObject("select count(*) from (" + keys + ") t", params, Long.class);
        long n = counted == null ? 0 : counted;
        if (n <= COUNT_CAP) {
            return new InboxTotal(n, true);
        }
        StringBuilder q = new StringBuilder("explain select c.id from case_file c where 1 = 1");
        Map<String, Object> explainParams = new HashMap<>();
        scope(q, explainParams, scopeUnit);
        where(q, explainParams, f, now, index);
        explainParams.replaceAll((k, v) -> jdbcValue(v));
        Long estimate = plain.query(q.toString(), explainParams, rs -> rs.next() ? rs.getLong("rows") : null);
        return new InboxTotal(Math.max(COUNT_CAP + 1, estimate == null ? 0 : estimate), false);
    }

    /** The positions (the order's column as {@code s}, id) of the filtered cases after {@code after}, unsorted. */
    private static String keys(Map<String, Object> params, CaseFilter f, Optional<String> scopeUnit,
                               InboxCursor after, LocalDateTime now, boolean index, InboxOrder o) {
        StringBuilder q = new StringBuilder("select c." + o.column + " as s, c.id from case_file c ");
        if (openOnly(f)) {
            q.append(NOT_FOR_ORDER);
        }
        q.append(" where 1 = 1");
        scope(q, params, scopeUnit);
        where(q, params, f, now, index);
        after(q, params, after, o, "c." + o.column, "c.id");
        return q.toString();
    }

    /**
     * The positions of a page of open cases: a union of index ranges that are each already in deadline order, read
     * only up to {@code skip + limit} rows each, merged without duplicates (a case the unit both leads and co-handles
     * is one row), sorted, limited. Open cases are split by state, because every index that leads with the state
     * ({@code ix_case_status_due}, and for a unit {@code ix_case_lead_due}, {@code ix_case_handling_due} and
     * {@code ix_case_co_unit_open}) holds one deadline order per state: an {@code IN} over the states made MariaDB
     * read all of them and sort (at a million open cases, every open case of a district on every page). A unit's
     * cases are those it leads, those it handles and those it co-handles, whose rows carry the case's state and
     * deadline (V84). A filter that picks out few cases (a phone number, a day received) still gets its own index
     * in each range: MariaDB costs each range on its own (measured at 3.87 M cases: 2–5 ms either way). No split when
     * the keyword index drives the plan (DD031).
     */
    private static String openKeys(Map<String, Object> params, CaseFilter f, Optional<String> scopeUnit,
                                   InboxCursor after, int skip, int limit, LocalDateTime now, boolean index,
                                   boolean byState, InboxOrder o) {
        String from = "from case_file c " + NOT_FOR_ORDER + " where ";
        List<Range> owned = new ArrayList<>();
        if (scopeUnit.isPresent()) {
            params.put("scope", scopeUnit.get());
            owned.add(new Range(from + "c.lead_unit_code = :scope", "c"));
            owned.add(new Range(from + "c.handling_unit_code = :scope", "c"));
            owned.add(index
                    ? new Range("from case_co_unit u join case_file c on c.id = u.case_id where u.unit_code = :scope",
                            "c")
                    : new Range("from case_co_unit u straight_join case_file c on c.id = u.case_id"
                            + " where u.unit_code = :scope", "u"));
        } else {
            owned.add(new Range(from + "1 = 1", "c"));
        }
        List<Range> ranges = new ArrayList<>();
        for (Range range : owned) {
            if (index) {
                ranges.add(range);
                continue;
            }
            for (CaseStatus state : openStates(f)) {
                int rank = byState ? InboxOrder.rank(state) : 0;
                int afterRank = byState && after != null ? InboxOrder.rank(after.status()) : 0;
                if (rank < afterRank) {
                    continue; // the cursor is past every case of this state
                }
                ranges.add(new Range(range.from() + " and " + range.table() + ".status = :state" + state.ordinal(),
                        range.table(), rank, rank > afterRank));
                params.put("state" + state.ordinal(), state);
            }
        }
        if (ranges.isEmpty()) {
            ranges.add(new Range(from + "1 = 0", "c"));
        }
        String dir = o.direction();
        StringBuilder q = new StringBuilder("select m.r, m.s, m.id from (");
        for (int i = 0; i < ranges.size(); i++) {
            Range r = ranges.get(i);
            // a co-unit row carries its case's state and deadline (V84), not the other columns
            String key = (o.column.equals("handle_due_at") ? r.table() : "c") + "." + o.column;
            String id = r.table().equals("u") ? "u.case_id" : "c.id";
            q.append(i == 0 ? "(" : " union (").append("select ").append(r.rank()).append(" as r, ").append(key)
                    .append(" as s, ").append(id).append(" as id ").append(r.from());
            where(q, params, f, now, index);
            if (!r.wholeState()) {
                after(q, params, after, o, key, id);
            }
            q.append(" order by ").append(key).append(dir).append(", ").append(id).append(dir).append(" limit ")
                    .append((long) skip + limit).append(')');
        }
        return q.append(") m order by m.r, m.s").append(dir).append(", m.id").append(dir).append(" limit ")
                .append(skip).append(", ").append(limit).toString();
    }

    /**
     * One index range: its {@code from … where} and the alias whose state, deadline and id give its order
     * ({@code u}: a co-unit row, which carries its case's); its rank in the order (0 for all in deadline order), and
     * whether all of it lies after the cursor (a state ranked after the cursor's).
     */
    private record Range(String from, String table, int rank, boolean wholeState) {
        Range(String from, String table) {
            this(from, table, 0, false);
        }
    }

    /** The states an open-only filter keeps; none is final. */
    static Set<CaseStatus> openStates(CaseFilter f) {
        Set<CaseStatus> states = f.statuses() == null || f.statuses().isEmpty()
                ? EnumSet.allOf(CaseStatus.class) : EnumSet.copyOf(f.statuses());
        if (f.overdue() || f.dueSoon()) {
            states.retainAll(CaseStatus.AWAITING_UNIT);
        }
        states.removeIf(CaseStatus::isFinal);
        return states;
    }

    /**
     * Keyset: the rows after the cursor in the order of {@code key} (the order's column), then id. MariaDB sorts
     * NULL first ascending and last descending, and so does the cursor.
     */
    private static void after(StringBuilder sql, Map<String, Object> params, InboxCursor after, InboxOrder o,
                              String key, String id) {
        if (after == null) {
            return;
        }
        Object value = o.key(after);
        String past = o.descending ? "<" : ">";
        if (value == null) {
            sql.append((o.descending ? " and (%1$s is null and %2$s < :afterId)"
                    : " and ((%1$s is null and %2$s > :afterId) or %1$s is not null)").formatted(key, id));
        } else {
            sql.append(" and (%1$s %3$s :afterKey or (%1$s = :afterKey and %2$s %3$s :afterId)%4$s)"
                    .formatted(key, id, past, o.descending ? " or " + key + " is null" : ""));
            params.put("afterKey", value);
        }
        params.put("afterId", after.id());
    }

    /** A unit clerk's cases: those the unit leads, handles or co-handles. */
    private static void scope(StringBuilder sql, Map<String, Object> params, Optional<String> scopeUnit) {
        scopeUnit.ifPresent(unit -> {
            sql.append(" and (c.lead_unit_code = :scope or c.handling_unit_code = :scope"
                    + " or exists (select 1 from case_co_unit u where u.case_id = c.id and u.unit_code = :scope))");
            params.put("scope", unit);
        });
    }

    /** Indexes that serve only the deadline order; kept out of the plan of a page of open cases. */
    static final String NOT_FOR_ORDER =
            "ignore index for order by (ix_case_due, ix_case_district_due, ix_case_category, ix_case_received)";

    /** The filter keeps to cases not yet final: few among many, found by their state, then sorted. */
    static boolean openOnly(CaseFilter f) {
        return f.overdue() || f.dueSoon() || (f.statuses() != null && !f.statuses().isEmpty()
                && f.statuses().stream().noneMatch(CaseStatus::isFinal));
    }

    /**
     * Every row {@link #page} would return page after page, in the same order, handed to {@code sink} as one
     * query reads them: one statement, one forward-only result set streamed {@value #STREAM_FETCH} rows at a
     * time, so memory stays flat. Runs on the connection of the caller's transaction (its snapshot). The sink
     * must not use that connection while the rows stream (the driver would then buffer the rest in memory).
     * Returns how many rows there were.
     */
    public int stream(CaseFilter f, Optional<String> scopeUnit, boolean maskPhone, LocalDateTime now,
               Consumer<CaseRow> sink) {
        StringBuilder sql = new StringBuilder(SQL_COLUMNS).append(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        scope(sql, params, scopeUnit);
        where(sql, params, f, now, byIndex(f, scopeUnit));
        // MariaDB sorts NULL first in ascending order, as the JPQL pages do
        sql.append(" order by c.handle_due_at asc, c.id asc");
        params.replaceAll((k, v) -> jdbcValue(v));
        int[] count = {0};
        streaming.query(sql.toString(), params, rs -> {
            CaseRow r = row(rs);
            sink.accept(maskPhone ? masked(r) : r);
            count[0]++;
        });
        return count[0];
    }

    private static CaseRow row(ResultSet rs) throws SQLException {
        String status = rs.getString(3);
        String channel = rs.getString(4);
        return new CaseRow(rs.getLong(1), rs.getString(2), status == null ? null : CaseStatus.valueOf(status),
                channel == null ? null : Channel.valueOf(channel), time(rs, 5), rs.getString(6), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                rs.getString(13), time(rs, 14), time(rs, 15), time(rs, 16), rs.getString(17), rs.getInt(18));
    }

    private static LocalDateTime time(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class);
    }

    private static CaseRow masked(CaseRow r) {
        return new CaseRow(r.id(), r.number(), r.status(), r.channel(), r.receivedAt(), r.categoryCode(),
                r.itemCode(), r.urgency(), r.districtCode(), r.streetCode(), r.address(), r.leadUnitCode(),
                r.handlingUnitCode(), r.signDueAt(), r.handleDueAt(), r.warnAt(), PhoneMask.mask(r.phone()),
                r.reopenCount());
    }

    /** Enums go to JDBC by name, as {@code @Enumerated(STRING)} stores them. */
    private static Object jdbcValue(Object v) {
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof Collection<?> c) {
            return c.stream().map(CaseQueries::jdbcValue).toList();
        }
        return v;
    }


    /** {@code c.handle_due_at} in SQL (Spring Boot's naming strategy: camel case to snake case). */
    static String column(String property) {
        StringBuilder s = new StringBuilder("c.");
        for (char ch : property.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                s.append('_').append(Character.toLowerCase(ch));
            } else {
                s.append(ch);
            }
        }
        return s.toString();
    }

    /**
     * Whether the keyword is looked up in the full-text index rather than checked with {@code LIKE} on the rows the
     * other filters and the deadline order reach (DD031, measured). The index's plan reads every matching case by key
     * and sorts them all, so a page costs what the word's frequency costs; reading in deadline order stops after a
     * page of hits, which a frequent word gives soon. A page therefore counts the matches first (one index look-up)
     * and takes the index only up to {@value #DENSE}. A unit's open cases are read as a union of three scopes, each
     * searching the index: up to a third of that. They are not few either: at 21.9 M cases with a million open a
     * district holds 138,000, and {@code LIKE} read them all for a word no case holds (≈ 310 ms, docs/benchmarks.md).
     * The export chooses as the pages do, so that both hold the same rows (the index's normalizer and the column's
     * collation do not fold quite the same characters).
     */
    private boolean byIndex(CaseFilter f, Optional<String> scopeUnit) {
        if (!fulltext || f.keyword() == null) {
            return false;
        }
        Long matches = matchCounts.get(KeywordClause.booleanQuery(f.keywordTerms()),
                q -> plain.getJdbcTemplate().queryForObject(KeywordClause.COUNT, Long.class, q));
        return matches != null && matches <= (scopeUnit.isPresent() && openOnly(f) ? DENSE / 3 : DENSE);
    }

    /** Matches up to which the index's plan is taken for a page (DD031). */
    static final long DENSE = 20_000;

    private static void where(StringBuilder q, Map<String, Object> params, CaseFilter f, LocalDateTime now,
                              boolean index) {
        Function<String, String> col = CaseQueries::column;
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            q.append(" and ").append(col.apply("status")).append(" in (:statuses)");
            params.put("statuses", f.statuses());
        }
        eq(q, params, col, "categoryCode", f.categoryCode());
        eq(q, params, col, "itemCode", f.itemCode());
        eq(q, params, col, "leadUnitCode", f.leadUnitCode());
        eq(q, params, col, "districtCode", f.districtCode());
        eq(q, params, col, "streetCode", f.streetCode());
        eq(q, params, col, "urgency", f.urgency());
        eq(q, params, col, "number", f.number() == null ? null : f.number().trim().toUpperCase());
        eq(q, params, col, "complainantPhone", f.phone() == null ? null : f.phone().trim());
        if (f.channel() != null) {
            q.append(" and ").append(col.apply("channel")).append(" = :channel");
            params.put("channel", f.channel());
        }
        if (f.receivedFrom() != null) {
            q.append(" and ").append(col.apply("receivedAt")).append(" >= :receivedFrom");
            params.put("receivedFrom", f.receivedFrom().atStartOfDay());
        }
        if (f.receivedTo() != null) {
            q.append(" and ").append(col.apply("receivedAt")).append(" < :receivedTo");
            params.put("receivedTo", f.receivedTo().plusDays(1).atStartOfDay());
        }
        if (f.overdue() || f.dueSoon()) {
            q.append(" and ").append(col.apply("status")).append(" in (:awaiting)");
            params.put("awaiting", CaseStatus.AWAITING_UNIT);
        }
        if (f.overdue()) {
            q.append(" and ").append(col.apply("handleDueAt")).append(" < :now");
            params.put("now", now);
        }
        if (f.dueSoon()) {
            // in the warning window and not yet overdue
            q.append(" and ").append(col.apply("warnAt")).append(" <= :soonNow and ")
                    .append(col.apply("handleDueAt")).append(" >= :soonNow");
            params.put("soonNow", now);
        }
        KeywordClause.append(q, params, f.keywordTerms(), index, col);
    }

    private static void eq(StringBuilder q, Map<String, Object> params, Function<String, String> col, String field,
                           String value) {
        if (value != null && !value.isBlank()) {
            q.append(" and ").append(col.apply(field)).append(" = :").append(field);
            params.put(field, value.trim());
        }
    }
}
