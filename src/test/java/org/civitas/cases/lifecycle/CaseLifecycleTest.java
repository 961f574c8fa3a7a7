package org.civitas.cases.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civitas.cases.Reports.aReport;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Supplier;
import org.civitas.base.RuleViolation;
import org.civitas.cases.CaseAction;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.CaseStatus;
import org.civitas.cases.Channel;
import org.civitas.cases.CloseReason;
import org.civitas.cases.Complainant;
import org.civitas.cases.HistoryEntry;
import org.civitas.cases.Rating;
import org.civitas.cases.ReplyOutcome;
import org.civitas.cases.inbox.CaseFilter;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

@IntegrationTest
class CaseLifecycleTest {

    @Autowired CaseService cases;

    @Autowired CaseRequestService caseRequests;
    @Autowired MutableClock clock;
    @Autowired UserDetailsService users;
    @Autowired UnratedCaseCloser closer;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void monday_morning() {
        clock.set(LocalDateTime.of(2026, 3, 2, 9, 0)); // Monday
    }

    @AfterEach
    void resetClock() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_territorial_report_is_dispatched_at_once_to_its_district_with_the_item_deadline() {
        CaseDetails c = as("operator", () -> cases.register(aReport().item("SR-02").in("D05", "S0501").build()));
        assertThat(c.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(c.number()).matches("WM20260302\\d{4}");
        assertThat(c.leadUnitCode()).isEqualTo("D05");
        // SR-02: 1 working day → Tuesday 17:30; sign: 1 working day, capped at the handling deadline
        assertThat(c.handleDueAt()).isEqualTo(LocalDateTime.of(2026, 3, 3, 17, 30));
        assertThat(c.signDueAt()).isEqualTo(LocalDateTime.of(2026, 3, 3, 17, 30));
    }

    @Test
    void an_emergency_report_must_be_signed_within_thirty_minutes() {
        CaseDetails c = as("operator", () -> cases.register(aReport().item("SR-07").build()));
        assertThat(c.urgency()).isEqualTo("EMERGENCY");
        assertThat(c.signDueAt()).isEqualTo(LocalDateTime.of(2026, 3, 2, 9, 30));
        assertThat(c.handleDueAt()).isEqualTo(LocalDateTime.of(2026, 3, 2, 11, 0));
        assertThat(c.warnAt()).isEqualTo(LocalDateTime.of(2026, 3, 2, 10, 30));
    }

    @Test
    void a_report_without_an_item_waits_in_the_classification_queue() {
        CaseDetails c = as("operator", () -> cases.register(aReport().item(null).build()));
        assertThat(c.status()).isEqualTo(CaseStatus.REGISTERED);
        assertThat(c.leadUnitCode()).isNull();
        CaseDetails dispatched = as("supervisor", () -> cases.classify(c.ref(), "SR-04", null, null));
        assertThat(dispatched.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(dispatched.leadUnitCode()).isEqualTo("D05");
    }

    @Test
    void the_full_path_from_registration_to_closing_is_in_the_history() {
        CaseDetails registered = as("operator", () -> cases.register(aReport().item("SR-04").build()));
        CaseDetails signed = as("clerk.wuchang", () -> cases.sign(registered.ref()));
        CaseDetails sub = as("clerk.wuchang", () -> cases.subDispatch(signed.ref(), "S0502"));
        clock.advance(Duration.ofHours(3));
        CaseDetails replied = as("clerk.wuchang",
                () -> cases.reply(sub.ref(), ReplyOutcome.RESOLVED, "已清理", List.of()));
        assertThat(replied.repliedOnTime()).isTrue();
        CaseDetails accepted = as("supervisor", () -> cases.acceptReply(replied.ref(), null));
        CaseDetails c = as("operator", () -> cases.rate(accepted.ref(), Rating.SATISFIED, true, null));
        assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(c.closeReason()).isEqualTo(CloseReason.RATED);

        long id = c.id();
        List<HistoryEntry> history = as("supervisor", () -> cases.history(id));
        assertThat(history).extracting(HistoryEntry::action).containsExactly(CaseAction.REGISTER,
                CaseAction.DISPATCH, CaseAction.SIGN, CaseAction.SUB_DISPATCH, CaseAction.REPLY,
                CaseAction.ACCEPT_REPLY, CaseAction.RATE, CaseAction.CLOSE);
        assertThat(history).extracting(HistoryEntry::actor).containsExactly("operator", "system",
                "clerk.wuchang", "clerk.wuchang", "clerk.wuchang", "supervisor", "operator", "operator");
        assertThat(history.get(history.size() - 1).to()).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void a_clerk_of_another_district_is_denied_by_the_service() {
        CaseDetails c = as("operator", () -> cases.register(aReport().item("SR-04").in("D05", null).build()));
        assertThatThrownBy(() -> as("clerk.jiangan", () -> cases.get(c.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("clerk.jiangan", () -> cases.sign(c.ref())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as("clerk.jiangan", () -> cases.inbox(CaseFilter.any(), null, 1000)))
                .noneMatch(r -> r.id() == c.id());
        assertThat(as("clerk.wuchang", () -> cases.get(c.id())).id()).isEqualTo(c.id());
    }

    @Test
    void a_unit_sees_the_phone_masked_and_no_name() {
        CaseDetails c = as("operator", () -> cases.register(aReport().item("SR-04").phone("13812345678").build()));
        assertThat(c.complainantPhone()).isEqualTo("13812345678");
        CaseDetails seenByClerk = as("clerk.wuchang", () -> cases.get(c.id()));
        assertThat(seenByClerk.complainantPhone()).isEqualTo("138****5678");
        assertThat(seenByClerk.complainantName()).isNull();
        Complainant revealed = as("supervisor", () -> cases.revealComplainant(c.id(), "回访核实"));
        assertThat(revealed.phone()).isEqualTo("13812345678");
    }

    @Test
    void a_second_user_acting_on_a_changed_case_is_told_and_nothing_is_lost() {
        CaseDetails c = as("operator", () -> cases.register(aReport().item("SR-04").build()));
        CaseDetails signed = as("clerk.wuchang", () -> cases.sign(c.ref()));
        // a second clerk still looks at the dispatched case
        assertThatThrownBy(() -> as("clerk.wuchang", () -> caseRequests.requestExtension(c.ref(), "需要协调",
                c.handleDueAt().plusDays(3)))).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.key()).isEqualTo("case.error.changed"));
        CaseDetails now = as("supervisor", () -> cases.get(c.id()));
        assertThat(now.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(now.version()).isEqualTo(signed.version());
    }

    @Test
    void an_approved_return_goes_to_the_chosen_unit_with_a_fresh_deadline() {
        CaseDetails c = as("operator", () -> cases.register(aReport().item("SR-04").build()));
        CaseDetails asked = as("clerk.wuchang", () -> caseRequests.requestReturn(c.ref(), "不属本区职责", "《条例》第3条"));
        assertThat(asked.status()).isEqualTo(CaseStatus.RETURN_REQUESTED);
        long requestId = as("supervisor", () -> caseRequests.requests(c.id())).get(0).id();
        clock.advance(Duration.ofDays(2)); // waiting for approval does not count against the next unit
        CaseDetails moved = as("supervisor", () -> caseRequests.decideReturn(asked.ref(), requestId, true, "G01", "转城管"));
        assertThat(moved.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(moved.leadUnitCode()).isEqualTo("G01");
        assertThat(moved.dispatchedAt()).isEqualTo(LocalDateTime.of(2026, 3, 4, 9, 0));
        assertThat(moved.handleDueAt()).isEqualTo(LocalDateTime.of(2026, 3, 5, 17, 30));
    }

    @Test
    void an_approved_extension_moves_the_deadline() {
        CaseDetails c = as("operator", () -> cases.register(aReport().item("SR-04").build()));
        LocalDateTime newDue = c.handleDueAt().plusDays(5);
        CaseDetails asked = as("clerk.wuchang", () -> caseRequests.requestExtension(c.ref(), "需要协调", newDue));
        assertThat(asked.status()).isEqualTo(CaseStatus.DISPATCHED);
        long requestId = as("supervisor", () -> caseRequests.requests(c.id())).get(0).id();
        CaseDetails extended = as("supervisor", () -> caseRequests.decideExtension(asked.ref(), requestId, true, "同意"));
        assertThat(extended.handleDueAt()).isEqualTo(newDue);
    }

    @Test
    void a_dissatisfied_case_is_reopened_and_counted() {
        CaseDetails c = as("operator", () -> cases.register(aReport().item("SR-04").build()));
        CaseDetails s = as("clerk.wuchang", () -> cases.sign(c.ref()));
        CaseDetails r = as("clerk.wuchang", () -> cases.reply(s.ref(), ReplyOutcome.EXPLAINED, "已解释", List.of()));
        CaseDetails rated = as("operator", () -> cases.rate(r.ref(), Rating.DISSATISFIED, false, "仍未解决"));
        assertThat(rated.status()).isEqualTo(CaseStatus.REPLIED);
        CaseDetails reopened = as("supervisor", () -> cases.reopen(rated.ref(), "群众不满意，重办"));
        assertThat(reopened.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(reopened.reopenCount()).isEqualTo(1);
        assertThat(reopened.rating()).isNull();
    }

    @Test
    void the_street_handling_a_case_replies_but_cannot_hand_it_to_another_street() {
        jdbc.update("""
                insert into app_user (username, display_name, password_hash, unit_code, enabled, password_changed_at,
                                      created_at)
                values ('clerk.s0502', '中华路街道经办人', '{noop}x', 'S0502', true, now(), now())""");
        jdbc.update("insert into app_user_role (user_id, role) select id, 'UNIT_CLERK' from app_user"
                + " where username = 'clerk.s0502'");
        try {
            CaseDetails c = as("operator", () -> cases.register(aReport().item("SR-04").build()));
            CaseDetails signed = as("clerk.wuchang", () -> cases.sign(c.ref()));
            CaseDetails sub = as("clerk.wuchang", () -> cases.subDispatch(signed.ref(), "S0502"));
            assertThatThrownBy(() -> as("clerk.s0502", () -> cases.subDispatch(sub.ref(), "S0503")))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(as("clerk.s0502", () -> cases.allowedActions(sub))).doesNotContain(CaseAction.SUB_DISPATCH)
                    .contains(CaseAction.REPLY);
            CaseDetails replied = as("clerk.s0502",
                    () -> cases.reply(sub.ref(), ReplyOutcome.RESOLVED, "已清理", List.of()));
            assertThat(replied.status()).isEqualTo(CaseStatus.REPLIED);
            assertThat(replied.handlingUnitCode()).isEqualTo("S0502");
        } finally {
            jdbc.update("delete r from app_user_role r join app_user u on u.id = r.user_id"
                    + " where u.username = 'clerk.s0502'");
            jdbc.update("delete from app_user where username = 'clerk.s0502'");
        }
    }

    @Test
    void a_case_not_rated_dissatisfied_is_not_reopened_and_a_decided_request_not_decided_again() {
        CaseDetails c = as("operator", () -> cases.register(aReport().item("SR-04").build()));
        LocalDateTime newDue = c.handleDueAt().plusDays(5);
        CaseDetails asked = as("clerk.wuchang", () -> caseRequests.requestExtension(c.ref(), "需要协调", newDue));
        long requestId = as("supervisor", () -> caseRequests.requests(c.id())).get(0).id();
        CaseDetails decided = as("supervisor", () -> caseRequests.decideExtension(asked.ref(), requestId, false, "不同意"));
        assertThat(as("supervisor", () -> cases.allowedActions(decided))).doesNotContain(CaseAction.APPROVE_EXTENSION);
        assertThatThrownBy(() -> as("supervisor", () -> caseRequests.decideExtension(decided.ref(), requestId, true,
                "同意"))).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.key()).isEqualTo("case.error.requestDecided"));
        CaseDetails s = as("clerk.wuchang", () -> cases.sign(decided.ref()));
        CaseDetails r = as("clerk.wuchang", () -> cases.reply(s.ref(), ReplyOutcome.EXPLAINED, "已解释", List.of()));
        assertThat(as("supervisor", () -> cases.allowedActions(r))).doesNotContain(CaseAction.REOPEN)
                .contains(CaseAction.ACCEPT_REPLY, CaseAction.RATE);
        assertThatThrownBy(() -> as("supervisor", () -> cases.reopen(r.ref(), "重办")))
                .isInstanceOfSatisfying(RuleViolation.class,
                        v -> assertThat(v.key()).isEqualTo("case.error.reopenNeedsDissatisfied"));
    }

    @Test
    void a_replied_case_not_rated_within_three_working_days_closes_as_not_rated() {
        CaseDetails c = as("operator", () -> cases.register(aReport().item("SR-04").build()));
        CaseDetails s = as("clerk.wuchang", () -> cases.sign(c.ref()));
        as("clerk.wuchang", () -> cases.reply(s.ref(), ReplyOutcome.RESOLVED, "已处理", List.of()));
        clock.set(LocalDateTime.of(2026, 3, 5, 23, 0)); // Thursday: the third working day after Monday
        closer.closeUnrated();
        assertThat(as("supervisor", () -> cases.get(c.id())).status()).isEqualTo(CaseStatus.REPLIED);
        clock.set(LocalDateTime.of(2026, 3, 6, 0, 1));
        closer.closeUnrated();
        CaseDetails closed = as("supervisor", () -> cases.get(c.id()));
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.closeReason()).isEqualTo(CloseReason.NOT_RATED);
    }

    @Test
    void the_same_channel_id_twice_registers_one_case() {
        String ref = "APP-" + System.nanoTime();
        CaseDetails first = as("operator", () -> cases.register(aReport().channel(Channel.APP, ref).build()));
        CaseDetails second = as("operator", () -> cases.register(aReport().channel(Channel.APP, ref).build()));
        assertThat(second.id()).isEqualTo(first.id());
    }

    @Test
    void a_bad_phone_is_refused_and_nothing_is_stored() {
        assertThatThrownBy(() -> as("operator", () -> cases.register(aReport().phone("12345").build())))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.key()).isEqualTo("case.error.phone"));
    }

    @Test
    void a_street_of_another_district_is_refused() {
        assertThatThrownBy(() -> as("operator", () -> cases.register(aReport().in("D01", "S0501").build())))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.key()).isEqualTo("case.error.street"));
    }

    private <T> T as(String username, Supplier<T> action) {
        return RunAs.account(users, username, action);
    }
}
