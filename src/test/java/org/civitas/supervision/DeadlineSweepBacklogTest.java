package org.civitas.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.cases.Reports.aReport;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A backlog swept at once: a few hundred cases of three units come due together. The sweep announces each step in
 * one event and writes the notices in batches; what users get must be what a case-by-case sweep gave them. Wuchang
 * (D05) has two clerks for this test, one with an e-mail address; Jianghan (D02) has none.
 */
@IntegrationTest
@RecordApplicationEvents
class DeadlineSweepBacklogTest {

    static final int PER_UNIT = 70;
    static final LocalDateTime MONDAY_9 = LocalDateTime.of(2026, 11, 16, 9, 0);
    static final LocalDateTime TUESDAY_DUE = LocalDateTime.of(2026, 11, 17, 17, 30);
    static final String SECOND_CLERK = "clerk.wuchang.b";
    static final String SECOND_CLERK_MAIL = "wuchang.b@civitas.test";
    /** The notices {@code n} about this test's cases: by id and number (other tests notify about made-up ids). */
    static final String OURS = " join case_file c on c.id = n.case_id and c.number = n.case_number"
            + " where n.case_id in (:ids)";

    @Autowired DeadlineSweep sweep;
    @Autowired CaseService cases;
    @Autowired MutableClock clock;
    @Autowired NamedParameterJdbcTemplate jdbc;
    @Autowired UserDetailsService userDetails;
    @Autowired ApplicationEvents events;
    List<Long> ids = new ArrayList<>();
    Map<Long, String> unitOf = new HashMap<>();
    Map<Long, String> numberOf = new HashMap<>();

    @BeforeEach
    void a_second_clerk_of_wuchang_with_an_address() {
        jdbc.update("""
                insert into app_user (username, display_name, password_hash, unit_code, enabled, password_changed_at,
                                      created_at, email)
                values (:u, '武昌区经办人乙', '{noop}x', 'D05', true, now(), now(), :mail)""",
                Map.of("u", SECOND_CLERK, "mail", SECOND_CLERK_MAIL));
        jdbc.update("insert into app_user_role (user_id, role) select id, 'UNIT_CLERK' from app_user"
                + " where username = :u", Map.of("u", SECOND_CLERK));
    }

    @AfterEach
    void closeTheBacklogAndRemoveTheClerk() {
        clock.reset();
        // closed, so that the board and inbox of the other tests do not meet hundreds of overdue cases
        if (!ids.isEmpty()) {
            jdbc.update("update case_file set status = 'CLOSED', closed_at = :t where id in (:ids)",
                    Map.of("t", TUESDAY_DUE, "ids", ids));
            // nor a pile of pending mails for the tests that run the outbox dispatcher
            jdbc.update("delete o from outbox_message o join notification n on n.id = o.notification_id"
                    + OURS, Map.of("ids", ids));
        }
        jdbc.update("delete from app_user where username = :u", Map.of("u", SECOND_CLERK));
    }

    @Test
    void each_case_is_warned_reminded_and_supervised_once_with_one_notice_per_clerk_and_one_history_row() {
        Users users = new Users(userDetails);
        clock.set(MONDAY_9);
        String[][] places = {{"D05", "S0501"}, {"D01", "S0101"}, {"D02", "S0201"}};
        for (int i = 0; i < PER_UNIT; i++) {
            for (String[] p : places) {
                int n = i;
                CaseDetails c = users.as("operator", () -> cases.register(aReport().item("SR-04").in(p[0], p[1])
                        .address("积压测试路 " + n + " 号").build()));
                ids.add(c.id());
                unitOf.put(c.id(), c.leadUnitCode());
                numberOf.put(c.id(), c.number());
            }
        }
        assertThat(unitOf.values()).containsOnly("D05", "D01", "D02");

        // Tuesday 14:48 is the warning time of all of them (80 % of the 13.5 office hours from Monday 09:00)
        sweepTwiceAt(LocalDateTime.of(2026, 11, 17, 14, 48));
        assertThat(announced(CasesWarned.class, CasesWarned::cases)).containsExactlyInAnyOrderElementsOf(ids);
        assertNoticesPerClerk("WARNING", "notify.warning");

        sweepTwiceAt(TUESDAY_DUE.plusMinutes(1));
        assertThat(announced(CasesOverdue.class, CasesOverdue::cases)).containsExactlyInAnyOrderElementsOf(ids);
        assertNoticesPerClerk("OVERDUE", "notify.overdue");
        assertOnePerCase("select case_id, count(*) from supervision_order where case_id in (:ids) and auto"
                + " and level = 'REMINDER' group by case_id");
        assertOnePerCase("select case_id, count(*) from case_history where case_id in (:ids) and action = 'REMIND'"
                + " and actor = 'system' group by case_id");

        // two working days late once Thursday's office hours are over
        sweepTwiceAt(LocalDateTime.of(2026, 11, 20, 9, 0));
        assertThat(announced(CasesSupervised.class, CasesSupervised::cases)).containsExactlyInAnyOrderElementsOf(ids);
        assertOnePerCase("select case_id, count(*) from supervision_order where case_id in (:ids) and auto"
                + " and level = 'SUPERVISION' group by case_id");
        assertOnePerCase("select case_id, count(*) from case_history where case_id in (:ids) and action = 'SUPERVISE'"
                + " and actor = 'system' group by case_id");
        // as before: an automatic supervision order adds no notice
        assertThat(jdbc.queryForObject("select count(*) from notification n" + OURS
                + " and n.kind = 'SUPERVISION_ORDER'", Map.of("ids", ids), Integer.class)).isZero();
    }

    /** The second sweep at the same instant finds nothing left to do, in any case of the database. */
    private void sweepTwiceAt(LocalDateTime t) {
        clock.set(t);
        SweepResult first = sweep.sweep();
        assertThat(first.warned() + first.overdue() + first.supervised()).isGreaterThanOrEqualTo(ids.size());
        SweepResult second = sweep.sweep();
        assertThat(second.warned() + second.overdue() + second.supervised()).isZero();
    }

    /** Our cases as named by all recorded events of one type, with repeats. */
    private <E> List<Long> announced(Class<E> type, Function<E, List<SweptCase>> cases) {
        return events.stream(type).flatMap(e -> cases.apply(e).stream()).map(SweptCase::caseId)
                .filter(unitOf::containsKey).toList();
    }

    /**
     * Exactly one notice of the kind per case and clerk of its unit, none to anyone else, with the message of a
     * single notice; and one mail per notice of the clerk with an address, about that notice's case.
     */
    private void assertNoticesPerClerk(String kind, String key) {
        Map<String, List<String>> clerks = new HashMap<>();
        Map<String, String> mailOf = new HashMap<>();
        jdbc.query("""
                select u.unit_code, u.username, u.email from app_user u join app_user_role r on r.user_id = u.id
                where u.enabled and r.role = 'UNIT_CLERK'""", rs -> {
                    clerks.computeIfAbsent(rs.getString(1), u -> new ArrayList<>()).add(rs.getString(2));
                    if (rs.getString(3) != null) {
                        mailOf.put(rs.getString(2), rs.getString(3));
                    }
                });
        assertThat(clerks.get("D05")).contains("clerk.wuchang", SECOND_CLERK);
        assertThat(mailOf).containsEntry(SECOND_CLERK, SECOND_CLERK_MAIL);
        List<String> expected = new ArrayList<>();
        List<String> expectedMails = new ArrayList<>();
        for (long id : ids) {
            for (String clerk : clerks.getOrDefault(unitOf.get(id), List.of())) {
                expected.add(id + " " + clerk + " " + key + " [\"" + numberOf.get(id) + "\",\""
                        + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(TUESDAY_DUE) + "\"]");
                if (mailOf.containsKey(clerk)) {
                    expectedMails.add(numberOf.get(id) + " " + mailOf.get(clerk) + " PENDING");
                }
            }
        }
        List<String> written = jdbc.queryForList("""
                select concat(n.case_id, ' ', n.recipient, ' ', n.message_key, ' ', n.message_args)
                from notification n""" + OURS + " and n.kind = :kind", Map.of("ids", ids, "kind", kind), String.class);
        assertThat(written).containsExactlyInAnyOrderElementsOf(expected);

        List<String> mails = jdbc.queryForList("""
                select concat(n.case_number, ' ', o.recipient, ' ', o.state) from outbox_message o
                join notification n on n.id = o.notification_id""" + OURS + """
                 and n.kind = :kind and o.body like concat('%', n.case_number, '%')
                  and o.subject like concat('%', n.case_number)""", Map.of("ids", ids, "kind", kind), String.class);
        assertThat(mails).containsExactlyInAnyOrderElementsOf(expectedMails);
    }

    private void assertOnePerCase(String countByCase) {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.query(countByCase, Map.of("ids", ids), rs -> {
            counts.put(rs.getLong(1), rs.getInt(2));
        });
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(counts.values()).containsOnly(1);
    }
}
