package org.civitas.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.cases.Reports.aReport;

import java.time.LocalDateTime;
import java.util.List;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.cases.lifecycle.CaseRequestService;
import org.civitas.cases.ReplyOutcome;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Who is told what (docs/design.md §6): the unit's clerks learn of the warning, the overdue reminder, an order and the
 * office's decisions on their work; the issuing supervisor learns of the answer; the complainant gets a text when
 * the reply is accepted. Each notice is a row written with the change.
 */
@IntegrationTest
class SupervisionNoticesTest {

    @Autowired SupervisionService supervision;
    @Autowired DeadlineSweep sweep;
    @Autowired CaseService cases;
    @Autowired CaseRequestService caseRequests;
    @Autowired MutableClock clock;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcTemplate jdbc;
    Users users;
    CaseDetails c;

    @BeforeEach
    void a_case_of_wuchang() {
        users = new Users(userDetails);
        clock.set(LocalDateTime.of(2026, 4, 13, 9, 0));
        c = users.as("operator", () -> cases.register(aReport().item("SR-04").in("D05", "S0501").build()));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void the_clerk_is_told_of_the_warning_and_of_the_overdue_case_once_each() {
        clock.set(c.handleDueAt().minusMinutes(1));
        sweep.sweep();
        sweep.sweep();
        assertThat(keysOf("clerk.wuchang")).containsExactly("notify.dispatched", "notify.warning");
        clock.set(c.handleDueAt().plusMinutes(1));
        sweep.sweep();
        sweep.sweep();
        assertThat(keysOf("clerk.wuchang")).containsExactly("notify.dispatched", "notify.warning", "notify.overdue");
        assertThat(keysOf("clerk.jiangan")).isEmpty();
    }

    @Test
    void an_order_reaches_the_clerk_and_the_answer_reaches_the_supervisor_who_issued_it() {
        OrderRow order = users.as("supervisor", () -> supervision.issue(c.id(), SupervisionLevel.LISTED, "群众反映强烈",
                LocalDateTime.of(2026, 4, 14, 17, 30)));
        assertThat(keysOf("clerk.wuchang")).containsExactly("notify.dispatched", "notify.order.LISTED");
        users.as("clerk.wuchang", () -> supervision.answer(order.id(), "已清理"));
        assertThat(keysOf("supervisor")).containsExactly("notify.order.answered");
        assertThat(jdbc.queryForObject("select message_args from notification where recipient = 'supervisor'"
                + " and case_id = ?", String.class, c.id())).contains(c.number(), "clerk.wuchang");
    }

    @Test
    void the_clerk_learns_the_decisions_on_an_extension_and_a_reply_and_the_complainant_gets_a_text() {
        CaseDetails signed = users.as("clerk.wuchang", () -> cases.sign(c.ref()));
        LocalDateTime newDue = c.handleDueAt().plusDays(5);
        users.as("clerk.wuchang", () -> caseRequests.requestExtension(signed.ref(), "需要协调", newDue));
        long requestId = users.as("supervisor", () -> caseRequests.requests(c.id())).get(0).id();
        CaseDetails refused = users.as("supervisor", () -> caseRequests.decideExtension(
                cases.get(c.id()).ref(), requestId, false, "时限足够"));
        CaseDetails replied = users.as("clerk.wuchang", () -> cases.reply(refused.ref(), ReplyOutcome.RESOLVED,
                "已处理", List.of()));
        CaseDetails sentBack = users.as("supervisor", () -> cases.sendBack(replied.ref(), "照片不清楚"));
        CaseDetails again = users.as("clerk.wuchang", () -> cases.reply(sentBack.ref(), ReplyOutcome.RESOLVED,
                "已处理，补充照片", List.of()));
        assertThat(outboxSmsTo("13812345678")).isZero();
        users.as("supervisor", () -> cases.acceptReply(again.ref(), null));

        assertThat(keysOf("clerk.wuchang")).containsExactly("notify.dispatched", "notify.extension.rejected",
                "notify.sentBack");
        assertThat(outboxSmsTo("13812345678")).isEqualTo(1);
    }

    private List<String> keysOf(String username) {
        return jdbc.queryForList("select message_key from notification where recipient = ? and case_id = ?"
                + " order by id", String.class, username, c.id());
    }

    private long outboxSmsTo(String phone) {
        return jdbc.queryForObject("select count(*) from outbox_message where channel = 'SMS' and recipient = ?"
                + " and body like ?", Long.class, phone, "%" + c.number() + "%");
    }
}
