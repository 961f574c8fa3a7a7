package org.civitas.cases.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.civitas.cases.CaseStatus;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.demo.CaseGenerator;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A page at any depth has the rows that walking the inbox page by page finds there, for a district clerk (whose
 * open cases are the union of those the district leads, handles and co-handles) and for a supervisor, with open-only
 * filters and with a filter over closed cases.
 */
@org.civitas.test.IntegrationTest
class InboxDepthTest {

    static final LocalDate FROM = LocalDate.of(2015, 11, 1);
    static final LocalDate TO = LocalDate.of(2015, 11, 30);
    static final Set<CaseStatus> OPEN = EnumSet.complementOf(EnumSet.copyOf(CaseStatus.FINAL));

    @Autowired CaseService cases;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;

    /** The rows made open for the test, with what they were, put back after it. */
    List<Map<String, Object>> saved;
    List<Long> leadOnly;
    List<Long> handlingOnly;
    List<Long> coUnitOnly;
    List<Long> coUnitRowsAdded = new ArrayList<>();

    @BeforeEach
    void cases() throws Exception {
        if (jdbc.queryForObject("select count(*) from case_file where received_at >= ? and received_at < ?",
                Long.class, FROM.atStartOfDay(), TO.plusDays(1).atStartOfDay()) == 0) {
            // "now" months later: every generated case is finished, so none lingers on other tests' boards
            new CaseGenerator(dataSource, new CaseGenerator.Options(3000, FROM.atStartOfDay(), TO.atTime(23, 0),
                    LocalDateTime.of(2016, 6, 30, 12, 0), 23L)).generate(n -> { });
        }
        // two in three of the month's cases open for the test: deadlines with ties, some without a deadline
        saved = jdbc.queryForList("select id, status, handle_due_at, handling_unit_code from case_file where "
                + "received_at >= ? and received_at < ? and mod(id, 3) <> 0", FROM.atStartOfDay(),
                TO.plusDays(1).atStartOfDay());
        jdbc.update("update case_file set status = elt(1 + mod(id, 4), 'REGISTERED', 'DISPATCHED', 'IN_PROGRESS', "
                + "'REPLIED'), handle_due_at = case when mod(id, 17) = 0 then null when mod(id, 5) = 0 then "
                + "'2015-12-01 17:30:00' else handle_due_at end where received_at >= ? and received_at < ? "
                + "and mod(id, 3) <> 0", FROM.atStartOfDay(), TO.plusDays(1).atStartOfDay());
        // 武昌区 (D05) as the handling unit of cases others lead, and as a co-unit of others
        List<Long> others = jdbc.queryForList("select id from case_file where received_at >= ? and received_at < ? "
                + "and mod(id, 3) <> 0 and lead_unit_code <> 'D05' order by id", Long.class, FROM.atStartOfDay(),
                TO.plusDays(1).atStartOfDay());
        assertThat(others).hasSizeGreaterThan(200);
        handlingOnly = others.subList(0, 60);
        coUnitOnly = others.subList(60, 130);
        handlingOnly.forEach(id -> jdbc.update("update case_file set handling_unit_code = 'D05' where id = ?", id));
        coUnitOnly.forEach(id -> jdbc.update("update case_file set handling_unit_code = null where id = ?", id));
        List<Long> led = jdbc.queryForList("select id from case_file where received_at >= ? and received_at < ? "
                + "and mod(id, 3) <> 0 and lead_unit_code = 'D05' order by id", Long.class, FROM.atStartOfDay(),
                TO.plusDays(1).atStartOfDay());
        leadOnly = led.subList(10, led.size());
        // the first ten the district leads are its co-unit cases too: one row each in the inbox
        for (long id : concat(coUnitOnly, led.subList(0, 10))) {
            if (jdbc.update("insert ignore into case_co_unit (case_id, unit_code) values (?, 'D05')", id) == 1) {
                coUnitRowsAdded.add(id);
            }
        }
    }

    @AfterEach
    void putBack() {
        for (long id : coUnitRowsAdded) {
            jdbc.update("delete from case_co_unit where case_id = ? and unit_code = 'D05'", id);
        }
        for (Map<String, Object> row : saved) {
            jdbc.update("update case_file set status = ?, handle_due_at = ?, handling_unit_code = ? where id = ?",
                    row.get("status"), row.get("handle_due_at"), row.get("handling_unit_code"), row.get("id"));
        }
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_clerk_finds_at_every_depth_the_rows_of_the_pages_before_it() {
        List<CaseRow> open = sameAtEveryDepth("clerk.wuchang", filter(OPEN), 200);
        assertThat(open).extracting(CaseRow::id).containsAll(leadOnly.subList(0, 20)).containsAll(handlingOnly)
                .containsAll(coUnitOnly);
        assertThat(open).filteredOn(r -> r.handleDueAt() == null).isNotEmpty();

        sameAtEveryDepth("clerk.wuchang", filter(EnumSet.of(CaseStatus.DISPATCHED, CaseStatus.IN_PROGRESS)), 60);
        // the closed cases of the district are what the other tests left (43 to 60 in full runs): the depth is
        // proven by the open walks above; here that the closed filter takes the same path
        sameAtEveryDepth("clerk.wuchang", filter(Set.of(CaseStatus.CLOSED)), 1);
        sameAtEveryDepth("clerk.wuchang", CaseFilter.any().withStatuses(OPEN), 200);
    }

    /** Overdue keeps the states awaiting the unit; each state is its own index range, merged into one order. */
    @Test
    void overdue_cases_at_every_depth_keep_to_the_states_awaiting_the_unit() {
        List<CaseRow> clerk = sameAtEveryDepth("clerk.wuchang", overdue(OPEN), 60);
        assertThat(clerk).extracting(CaseRow::status).containsOnly(CaseStatus.DISPATCHED, CaseStatus.IN_PROGRESS);
        List<CaseRow> supervisor = sameAtEveryDepth("supervisor", overdue(Set.of()), 500);
        assertThat(supervisor).extracting(CaseRow::status).containsOnly(CaseStatus.DISPATCHED, CaseStatus.IN_PROGRESS);
        // a replied case awaits the citizen, not the unit: never overdue
        as("supervisor", () -> {
            CaseFilter replied = overdue(Set.of(CaseStatus.REPLIED));
            assertThat(cases.inbox(replied, null, 0, 50)).isEmpty();
            assertThat(cases.inbox(replied, supervisor.get(0).cursor(), 10, 50)).isEmpty();
            List<CaseRow> streamed = new ArrayList<>();
            cases.forEachInboxRow(replied, streamed::add);
            assertThat(streamed).isEmpty();
            return streamed;
        });
    }

    @Test
    void a_supervisor_finds_at_every_depth_the_rows_of_the_pages_before_it() {
        sameAtEveryDepth("supervisor", filter(OPEN), 1500);
        sameAtEveryDepth("supervisor", filter(Set.of()), 2500);
        sameAtEveryDepth("supervisor", CaseFilter.any().withStatuses(OPEN), 1500);
    }

    /** Received time and number, both ways, keyset-paged at any depth, for open-only filters and any. */
    @Test
    void every_order_finds_at_every_depth_the_rows_of_the_pages_before_it_in_that_order() {
        for (InboxOrder order : List.of(InboxOrder.RECEIVED, InboxOrder.RECEIVED_DESC, InboxOrder.NUMBER,
                InboxOrder.NUMBER_DESC, InboxOrder.DEADLINE_DESC)) {
            sameAtEveryDepth("clerk.wuchang", filter(OPEN), order, 200);
            sameAtEveryDepth("supervisor", filter(Set.of()), order, 2500);
        }
    }

    /** A clerk's cases to sign come first, then those in hand, each by deadline, at any depth. */
    @Test
    void the_state_order_puts_the_cases_to_sign_first_at_every_depth() {
        List<CaseRow> walk = sameAtEveryDepth("clerk.wuchang",
                filter(EnumSet.of(CaseStatus.DISPATCHED, CaseStatus.IN_PROGRESS)), InboxOrder.STATE, 60);
        assertThat(walk.get(0).status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(walk.get(walk.size() - 1).status()).isEqualTo(CaseStatus.IN_PROGRESS);
        sameAtEveryDepth("clerk.wuchang", filter(OPEN), InboxOrder.STATE, 200);
        sameAtEveryDepth("supervisor", overdue(Set.of()), InboxOrder.STATE, 500);
    }

    /**
     * Walks the inbox page by page (checked against the streamed export, one plain query), then asks for pages at
     * depths from the start and from cursors on the way, and finds the same rows there. Returns the walk.
     */
    private List<CaseRow> sameAtEveryDepth(String user, CaseFilter filter, int atLeast) {
        return sameAtEveryDepth(user, filter, InboxOrder.DEADLINE, atLeast);
    }

    /**
     * As {@link #sameAtEveryDepth(String, CaseFilter, int)} in {@code order}: the walk holds the export's rows, in
     * the deadline order the export's own, otherwise sorted as the order says; and the total counts them exactly.
     */
    private List<CaseRow> sameAtEveryDepth(String user, CaseFilter filter, InboxOrder order, int atLeast) {
        return as(user, () -> {
            List<CaseRow> walked = new ArrayList<>();
            List<CaseRow> page;
            InboxCursor after = null;
            do {
                page = cases.inbox(filter, order, after, 0, 50);
                walked.addAll(page);
                after = page.isEmpty() ? null : page.get(page.size() - 1).cursor();
            } while (page.size() == 50);
            List<CaseRow> streamed = new ArrayList<>();
            cases.forEachInboxRow(filter, streamed::add);
            if (order != InboxOrder.DEADLINE) {
                streamed.sort(comparator(order));
            }
            assertThat(walked).as("%s %s: the walk", user, order).containsExactlyElementsOf(streamed);
            assertThat(walked.size()).as("%s: rows to skip", user).isGreaterThanOrEqualTo(atLeast);
            assertThat(cases.inboxTotal(filter)).as("%s: the total", user)
                    .isEqualTo(new InboxTotal(walked.size(), true));

            int n = walked.size();
            int[] offsets = {0, 1, 49, 50, 51, 137, n / 2, n - 60, n - 50, n - 1, n, n + 10};
            for (int offset : java.util.Arrays.stream(offsets).map(o -> Math.max(0, o)).toArray()) {
                assertThat(cases.inbox(filter, order, null, offset, 50)).as("%s: offset %d of %d", user, offset, n)
                        .containsExactlyElementsOf(walked.subList(Math.min(offset, n), Math.min(offset + 50, n)));
            }
            int[] rows = {0, 49, 100, n / 3, n - 70};
            for (int k : java.util.Arrays.stream(rows).map(a -> Math.max(0, Math.min(a, n - 1))).toArray()) {
                for (int skip : new int[] {0, 1, 33, 60}) {
                    int from = Math.min(k + 1 + skip, n);
                    assertThat(cases.inbox(filter, order, walked.get(k).cursor(), skip, 40))
                            .as("%s: %d after row %d of %d", user, skip, k, n)
                            .containsExactlyElementsOf(walked.subList(from, Math.min(from + 40, n)));
                }
            }
            return walked;
        });
    }

    /** The order as the rule states it: the column (no value first ascending, last descending), then the id. */
    private static java.util.Comparator<CaseRow> comparator(InboxOrder order) {
        java.util.Comparator<CaseRow> byId = java.util.Comparator.comparingLong(CaseRow::id);
        return switch (order) {
            case RECEIVED -> java.util.Comparator.comparing(CaseRow::receivedAt).thenComparing(byId);
            case RECEIVED_DESC -> java.util.Comparator.comparing(CaseRow::receivedAt).thenComparing(byId).reversed();
            case NUMBER -> java.util.Comparator.comparing(CaseRow::number).thenComparing(byId);
            case NUMBER_DESC -> java.util.Comparator.comparing(CaseRow::number).thenComparing(byId).reversed();
            case DEADLINE_DESC -> java.util.Comparator.comparing(CaseRow::handleDueAt,
                    java.util.Comparator.nullsFirst(java.util.Comparator.<java.time.LocalDateTime>naturalOrder()))
                    .thenComparing(byId).reversed();
            case STATE -> java.util.Comparator.comparing((CaseRow r) -> InboxOrder.rank(r.status()))
                    .thenComparing(CaseRow::handleDueAt,
                            java.util.Comparator.nullsFirst(
                                    java.util.Comparator.<java.time.LocalDateTime>naturalOrder()))
                    .thenComparing(byId);
            case DEADLINE -> throw new IllegalArgumentException("the export's own order");
        };
    }

    private static CaseFilter filter(Set<CaseStatus> statuses) {
        return new CaseFilter(statuses, null, null, null, null, null, null, null, FROM, TO, false, false, null, null);
    }

    /** Without days received: a range of days would keep the page from reading one range per state. */
    private static CaseFilter overdue(Set<CaseStatus> statuses) {
        return new CaseFilter(statuses, null, null, null, null, null, null, null, null, null, true, false, null, null);
    }

    private static List<Long> concat(List<Long> a, List<Long> b) {
        List<Long> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private <T> T as(String username, Supplier<T> action) {
        return RunAs.account(users, username, action);
    }
}
