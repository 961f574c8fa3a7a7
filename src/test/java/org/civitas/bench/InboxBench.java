package org.civitas.bench;

import static org.civitas.bench.Bench.ms;
import static org.civitas.bench.Bench.percentile;
import static org.civitas.bench.Bench.ratio;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import org.civitas.cases.inbox.CaseFilter;
import org.civitas.cases.inbox.InboxCursor;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.Test;

/**
 * The inbox measures (docs/benchmarks.md): a page at a random depth of a district, a district clerk's jump to a
 * random page of the open cases, and the first pages of open cases for a supervisor, a department and a district,
 * each beside its keyset SQL over JDBC.
 */
class InboxBench extends BenchFixture {

    /** The clerk inbox measure runs its raw query for one page in this many. */
    static final int RAW_EVERY = 5;
    static final String RAW_INBOX = """
            select id, number, status, channel, received_at, category_code, item_code, urgency, district_code,
                   street_code, address, lead_unit_code, handling_unit_code, sign_due_at, handle_due_at, warn_at,
                   complainant_phone, reopen_count
            from case_file where district_code = ?
              and (handle_due_at > ? or (handle_due_at = ? and id > ?))
            order by handle_due_at, id limit ?""";

    /** A random depth: the position of a random case of the district in the deadline order. */
    private InboxCursor randomCursor(Random r, String district) {
        return jdbc.query("select handle_due_at, id from case_file where district_code = ? and id >= ? "
                        + "order by id limit 1", rs -> rs.next()
                        ? new InboxCursor(rs.getTimestamp(1).toLocalDateTime(), rs.getLong(2)) : null,
                district, 1 + (long) (r.nextDouble() * maxId));
    }

    @Test
    void inbox_page_at_random_depths() throws Exception {
        int n = 300;
        Random r = new Random(7);
        String[] ds = new String[n];
        InboxCursor[] at = new InboxCursor[n];
        for (int i = 0; i < n; i++) {
            ds[i] = districts.get(r.nextInt(districts.size()));
            at[i] = randomCursor(r, ds[i]);
            if (at[i] == null) {
                at[i] = new InboxCursor(LocalDateTime.of(2000, 1, 1, 0, 0), 0);
            }
        }
        // warm-up, then measured: service and raw alternate so both see the same cache
        double[] service = new double[n];
        double[] raw = new double[n];
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(RAW_INBOX)) {
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < n; i++) {
                    int k = i;
                    long t0 = System.nanoTime();
                    int got = RunAs.user("supervisor", () -> cases.inbox(
                            new CaseFilter(java.util.Set.of(), null, null, null, ds[k], null, null, null, null, null, false, false, null, null), at[k], PAGE).size(), "SUPERVISOR");
                    long t1 = System.nanoTime();
                    Timestamp due = Timestamp.valueOf(at[i].handleDueAt());
                    ps.setString(1, ds[i]);
                    ps.setTimestamp(2, due);
                    ps.setTimestamp(3, due);
                    ps.setLong(4, at[i].id());
                    ps.setInt(5, PAGE);
                    int rawRows = Bench.readAll(ps);
                    long t2 = System.nanoTime();
                    if (got != rawRows) {
                        throw new IllegalStateException("service " + got + " rows, raw " + rawRows);
                    }
                    service[i] = (t1 - t0) / 1e6;
                    raw[i] = (t2 - t1) / 1e6;
                }
            }
        }
        double p50 = percentile(service, 50), p95 = percentile(service, 95);
        double r50 = percentile(raw, 50), r95 = percentile(raw, 95);
        Bench.row("10-inbox", "inbox page of " + PAGE + " at a random depth, one district, by deadline, through "
                        + "`CaseService.inbox` (" + n + " pages)", "p50 " + ms(p50) + ", p95 " + ms(p95),
                "keyset SQL over JDBC: p50 " + ms(r50) + ", p95 " + ms(r95), ratio(p95, r95) + " (p95)",
                "p95 < 100 ms and ≤ 2× raw", p95 < 100 && p95 <= 2 * r95);
    }

    /** A district clerk's open cases (the grid's default view), the scope as the pages before the union had it. */
    static final String RAW_CLERK_OPEN = """
            select id, number, status, channel, received_at, category_code, item_code, urgency, district_code,
                   street_code, address, lead_unit_code, handling_unit_code, sign_due_at, handle_due_at, warn_at,
                   complainant_phone, reopen_count
            from case_file c ignore index for order by (ix_case_due, ix_case_district_due, ix_case_category)
            where (c.lead_unit_code = ? or c.handling_unit_code = ? or exists (select 1 from case_co_unit u
                   where u.case_id = c.id and u.unit_code = ?))
              and c.status in ('REGISTERED', 'DISPATCHED', 'IN_PROGRESS', 'RETURN_REQUESTED', 'REPLIED')
              and (? = 0 or (c.handle_due_at <=> ? and c.id > ?) or c.handle_due_at > ?
                   or (? is null and c.handle_due_at is not null))
            order by c.handle_due_at, c.id limit ?""";

    /**
     * The grid's jump to a random page of a district clerk's open cases: the service is asked for offset n with no
     * cursor (one request, as the grid's fetcher now asks from the start); the raw side is the keyset page whose
     * cursor is already known (the cheapest a keyset page can be).
     */
    @Test
    void inbox_clerk_page_at_random_offsets() throws Exception {
        CaseFilter open = OPEN;
        java.util.Map<String, List<InboxCursor>> positions = new java.util.HashMap<>();
        for (String d : districts) {
            clerk(d);
            positions.put(d, jdbc.query(RAW_CLERK_OPEN.replace("limit ?", ""), (rs, i) -> new InboxCursor(
                    rs.getTimestamp(15) == null ? null : rs.getTimestamp(15).toLocalDateTime(), rs.getLong(1)),
                    d, d, d, 0, null, 0L, null, null));
        }
        int n = 300;
        Random r = new Random(11);
        String[] ds = new String[n];
        int[] offsets = new int[n];
        for (int i = 0; i < n; i++) {
            ds[i] = districts.get(r.nextInt(districts.size()));
            offsets[i] = r.nextInt(Math.max(1, positions.get(ds[i]).size()));
        }
        var users = context.getBean(org.springframework.security.core.userdetails.UserDetailsService.class);
        double[] service = new double[n];
        double[] raw = new double[n / RAW_EVERY];
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(RAW_CLERK_OPEN)) {
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < n; i++) {
                    int k = i;
                    var details = users.loadUserByUsername("bench.inbox." + ds[i]);
                    var auth = new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                            details, null, details.getAuthorities());
                    org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(auth);
                    long t0 = System.nanoTime();
                    int got = cases.inbox(open, null, offsets[k], PAGE).size();
                    long t1 = System.nanoTime();
                    org.springframework.security.core.context.SecurityContextHolder.clearContext();
                    service[i] = (t1 - t0) / 1e6;
                    // the raw `OR` query takes seconds with a million cases open: every fifth page, second pass only
                    if (pass == 0 || i % RAW_EVERY != 0) {
                        continue;
                    }
                    InboxCursor at = offsets[i] == 0 ? null : positions.get(ds[i]).get(offsets[i] - 1);
                    Timestamp due = at == null || at.handleDueAt() == null ? null : Timestamp.valueOf(at.handleDueAt());
                    for (int p = 1; p <= 3; p++) {
                        ps.setString(p, ds[i]);
                    }
                    ps.setInt(4, at == null ? 0 : 1);
                    ps.setTimestamp(5, due);
                    ps.setLong(6, at == null ? 0 : at.id());
                    ps.setTimestamp(7, due);
                    ps.setTimestamp(8, due);
                    ps.setInt(9, PAGE);
                    int rawRows = Bench.readAll(ps);
                    long t2 = System.nanoTime();
                    if (got != rawRows) {
                        throw new IllegalStateException("service " + got + " rows, raw " + rawRows);
                    }
                    raw[i / RAW_EVERY] = (t2 - t1) / 1e6;
                }
            }
        }
        int most = positions.values().stream().mapToInt(List::size).max().orElse(0);
        double p50 = percentile(service, 50), p95 = percentile(service, 95);
        double r50 = percentile(raw, 50), r95 = percentile(raw, 95);
        Bench.row("11-inbox-clerk", "inbox page of " + PAGE + " at a random offset of a district clerk's open cases "
                        + "(lead, handling or co-unit; up to " + most + " per district), by deadline, through "
                        + "`CaseService.inbox(filter, null, offset, " + PAGE + ")` (" + n + " pages)",
                "p50 " + ms(p50) + ", p95 " + ms(p95),
                "keyset SQL (scope as `OR`) from the known cursor over JDBC, every " + RAW_EVERY + "th page: p50 "
                        + ms(r50) + ", p95 " + ms(r95),
                ratio(p95, r95) + " (p95)", "p95 < 100 ms and ≤ 2× raw", p95 < 100 && p95 <= 2 * r95);
    }

    /** The grid's default view: every state that is not final. */
    static final CaseFilter OPEN = CaseFilter.any().withStatuses(java.util.EnumSet.complementOf(
            java.util.EnumSet.copyOf(org.civitas.cases.CaseStatus.FINAL)));

    /** A clerk of the unit for the measures, {@code bench.inbox.<unit>} (no password: signed in by the test). */
    private String clerk(String unit) {
        String name = "bench.inbox." + unit;
        jdbc.update("insert ignore into app_user (username, display_name, password_hash, unit_code, "
                + "password_changed_at, created_at) values (?, ?, 'n/a', ?, now(6), now(6))", name, name, unit);
        jdbc.update("insert ignore into app_user_role (user_id, role) select id, 'UNIT_CLERK' from app_user "
                + "where username = ?", name);
        return name;
    }

    static final String RAW_STATE_PAGE = """
            select id, number, status, channel, received_at, category_code, item_code, urgency, district_code,
                   street_code, address, lead_unit_code, handling_unit_code, sign_due_at, handle_due_at, warn_at,
                   complainant_phone, reopen_count
            from case_file where status = 'IN_PROGRESS' order by handle_due_at, id limit ?""";

    /**
     * The first five pages of open cases, by cursor, for the three scopes a page reads differently: a supervisor
     * (every open case), the department that co-handles the most cases and the district that leads the most open
     * ones; 20 walks each. Raw: the first page of one state over its index, the cheapest read of a page of open cases.
     */
    @Test
    void inbox_first_pages_of_open_cases_by_role() throws Exception {
        String department = jdbc.queryForObject("select unit_code from case_co_unit group by unit_code "
                + "order by count(*) desc limit 1", String.class);
        String district = districts.stream().max(java.util.Comparator.comparing(d -> jdbc.queryForObject(
                "select count(*) from case_file where lead_unit_code = ? and status = 'IN_PROGRESS'", Long.class,
                d))).orElseThrow();
        var users = context.getBean(org.springframework.security.core.userdetails.UserDetailsService.class);
        String[] who = {"supervisor", clerk(department), clerk(district)};
        String[] label = {"supervisor", "department " + department, "district " + district};
        StringBuilder civitas = new StringBuilder();
        double worst = 0;
        for (int w = 0; w < who.length; w++) {
            String user = who[w];
            java.util.function.Supplier<double[]> walks = () -> {
                double[] t = new double[20 * 5];
                for (int walk = 0; walk < 20; walk++) {
                    InboxCursor after = null;
                    for (int page = 0; page < 5; page++) {
                        long t0 = System.nanoTime();
                        List<org.civitas.cases.inbox.CaseRow> rows = cases.inbox(OPEN, after, PAGE);
                        t[walk * 5 + page] = (System.nanoTime() - t0) / 1e6;
                        after = rows.isEmpty() ? null : rows.get(rows.size() - 1).cursor();
                    }
                }
                return t;
            };
            double[] t = w == 0 ? RunAs.user(user, walks, "SUPERVISOR") : RunAs.account(users, user, walks);
            double p95 = percentile(t, 95);
            worst = Math.max(worst, p95);
            civitas.append(w == 0 ? "" : "; ").append(label[w]).append(": p50 ").append(ms(percentile(t, 50)))
                    .append(", p95 ").append(ms(p95));
        }
        double[] raw = new double[100];
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(RAW_STATE_PAGE)) {
            ps.setInt(1, PAGE);
            for (int i = 0; i < raw.length; i++) {
                long t0 = System.nanoTime();
                Bench.readAll(ps);
                raw[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        double r95 = percentile(raw, 95);
        Bench.row("12-inbox-open-roles", "the first five pages of " + PAGE + " open cases (the grid's default view), "
                        + "by cursor, through `CaseService.inbox`, 20 walks per scope: a supervisor, the department "
                        + "that co-handles the most cases, the district that leads the most open ones",
                civitas.toString(), "the first page of one state (`IN_PROGRESS`) over `ix_case_status_due`: p50 "
                        + ms(percentile(raw, 50)) + ", p95 " + ms(r95), ratio(worst, r95) + " (worst p95)",
                "p95 < 100 ms", worst < 100);
    }
}
