package org.civitas.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civitas.cases.Reports.aReport;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.civitas.base.RuleViolation;
import org.civitas.cases.CaseAction;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.cases.HistoryEntry;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

@IntegrationTest
class SupervisionServiceTest {

    @Autowired SupervisionService supervision;
    @Autowired CaseService cases;
    @Autowired MutableClock clock;
    @Autowired UserDetailsService userDetails;
    Users users;
    CaseDetails wuchangCase;

    @BeforeEach
    void a_case_of_wuchang() {
        users = new Users(userDetails);
        clock.set(LocalDateTime.of(2026, 3, 9, 9, 0));
        wuchangCase = users.as("operator", () -> cases.register(aReport().item("SR-04").in("D05", "S0501").build()));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_supervisor_issues_an_order_and_the_unit_clerk_answers_it_both_in_the_history() {
        LocalDateTime due = LocalDateTime.of(2026, 3, 10, 17, 30);
        OrderRow issued = users.as("supervisor", () -> supervision.issue(wuchangCase.id(), SupervisionLevel.LISTED,
                "群众反映强烈，挂牌督办", due));
        assertThat(issued.state()).isEqualTo(OrderState.OPEN);
        assertThat(issued.unitCode()).isEqualTo("D05");
        assertThat(issued.issuedBy()).isEqualTo("supervisor");
        assertThat(issued.auto()).isFalse();

        OrderRow answered = users.as("clerk.wuchang", () -> supervision.answer(issued.id(), "已组织清理，明日复查"));
        assertThat(answered.state()).isEqualTo(OrderState.ANSWERED);
        assertThat(answered.answeredBy()).isEqualTo("clerk.wuchang");

        List<HistoryEntry> history = users.as("supervisor", () -> cases.history(wuchangCase.id()));
        assertThat(history).extracting(HistoryEntry::action).endsWith(CaseAction.SUPERVISE,
                CaseAction.ANSWER_SUPERVISION);
        assertThat(history.get(history.size() - 1).note()).isEqualTo("已组织清理，明日复查");
        // a supervision record is no change of the case: the version the user sees stays valid
        assertThat(users.as("supervisor", () -> cases.get(wuchangCase.id())).version())
                .isEqualTo(wuchangCase.version());

        OrderRow closed = users.as("supervisor", () -> supervision.close(issued.id(), null));
        assertThat(closed.state()).isEqualTo(OrderState.CLOSED);
        assertThat(users.as("supervisor", () -> supervision.ordersOf(wuchangCase.id())))
                .extracting(OrderRow::id).containsExactly(issued.id());
    }

    @Test
    void a_clerk_of_another_unit_can_neither_answer_nor_see_the_order() {
        OrderRow issued = users.as("supervisor", () -> supervision.issue(wuchangCase.id(),
                SupervisionLevel.SUPERVISION, "超期未签收", null));
        assertThatThrownBy(() -> users.as("clerk.jiangan", () -> supervision.answer(issued.id(), "不是我们的")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.as("clerk.jiangan", () -> supervision.ordersOf(wuchangCase.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(users.as("clerk.jiangan", () -> supervision.page(OrderFilter.any(), null, 500)))
                .noneMatch(o -> o.id() == issued.id()).allMatch(o -> o.unitCode().equals("D01"));
        assertThat(users.as("clerk.wuchang", () -> supervision.page(OrderFilter.any(), null, 500)))
                .anyMatch(o -> o.id() == issued.id()).allMatch(o -> o.unitCode().equals("D05"));
        assertThat(users.as("leader", () -> supervision.page(OrderFilter.any().withStates(Set.of(OrderState.OPEN)),
                null, 500))).anyMatch(o -> o.id() == issued.id());
    }

    @Test
    void only_a_supervisor_issues_and_an_order_is_answered_once() {
        assertThatThrownBy(() -> users.as("clerk.wuchang", () -> supervision.issue(wuchangCase.id(),
                SupervisionLevel.SUPERVISION, "自己督办自己", null))).isInstanceOf(AccessDeniedException.class);
        OrderRow issued = users.as("supervisor", () -> supervision.issue(wuchangCase.id(),
                SupervisionLevel.REMINDER, "请尽快签收", null));
        users.as("clerk.wuchang", () -> supervision.answer(issued.id(), "已签收"));
        assertThatThrownBy(() -> users.as("clerk.wuchang", () -> supervision.answer(issued.id(), "再答一次")))
                .isInstanceOfSatisfying(RuleViolation.class,
                        v -> assertThat(v.key()).isEqualTo("supervision.error.notOpen"));
        assertThatThrownBy(() -> users.as("supervisor", () -> supervision.issue(wuchangCase.id(),
                SupervisionLevel.SUPERVISION, " ", null))).isInstanceOf(RuleViolation.class);
    }

    @Test
    void the_list_pages_by_key_newest_first() {
        for (int i = 0; i < 5; i++) {
            String reason = "第 " + i + " 次";
            users.as("supervisor", () -> supervision.issue(wuchangCase.id(), SupervisionLevel.REMINDER, reason, null));
        }
        OrderFilter mine = OrderFilter.any().withUnit("D05");
        List<OrderRow> first = users.as("supervisor", () -> supervision.page(mine, null, 3));
        List<OrderRow> second = users.as("supervisor", () -> supervision.page(mine, first.get(2).id(), 3));
        assertThat(first).hasSize(3);
        assertThat(first.get(0).reason()).isEqualTo("第 4 次");
        assertThat(second.get(0).id()).isLessThan(first.get(2).id());
        assertThat(second.get(0).reason()).isEqualTo("第 1 次");
    }
}
