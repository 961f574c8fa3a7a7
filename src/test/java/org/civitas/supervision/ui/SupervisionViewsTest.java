package org.civitas.supervision.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.cases.Reports.aReport;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.base.identity.CurrentUser;
import org.civitas.supervision.OrderRow;
import org.civitas.supervision.OrderState;
import org.civitas.supervision.SupervisionLevel;
import org.civitas.supervision.SupervisionService;
import org.civitas.test.KaribuTest;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SupervisionViewsTest extends KaribuTest {

    @Autowired CaseService cases;
    @Autowired SupervisionService supervision;
    @Autowired CurrentUser currentUser;
    @Autowired org.civitas.base.ActorNames names;
    @Autowired MutableClock clock;
    CaseDetails c;

    @BeforeEach
    void a_wuchang_case() {
        clock.set(LocalDateTime.of(2026, 3, 30, 9, 0));
        c = RunAs.user("operator", () -> cases.register(aReport().item("SR-04").build()), "OPERATOR");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_supervisor_issues_from_the_case_panel_and_the_clerk_answers_in_the_order_list() {
        login("supervisor");
        SupervisionPanel panel = new SupervisionPanel(supervision, currentUser, names, c.id(), c.number(), null);
        UI.getCurrent().add(panel);
        assertThat(panel.issue.isVisible()).isTrue();
        IssueDialog dialog = panel.openIssue();
        dialog.level.setValue(SupervisionLevel.LISTED);
        dialog.reason.setValue("群众多次反映，挂牌督办");
        _click(dialog.save);
        assertThat(dialog.isOpened()).isFalse();
        List<OrderRow> rows = panel.grid.getListDataView().getItems().toList();
        assertThat(rows).singleElement().satisfies(r -> assertThat(r.level()).isEqualTo(SupervisionLevel.LISTED));

        login("clerk.wuchang");
        UI.getCurrent().navigate("supervision", QueryParameters.simple(Map.of("unit", "D05", "state", "OPEN")));
        SupervisionOrdersView view = _get(SupervisionOrdersView.class);
        assertThat(view.state.getValue()).isEqualTo(OrderState.OPEN);
        OrderRow order = GridKt._get(view.grid, 0);
        assertThat(order.caseNumber()).isEqualTo(c.number());
        assertThat(view.actions.canAnswer(order)).isTrue();
        TextDialog answer = view.actions.answer(order);
        answer.text.setValue("已现场处置完毕");
        _click(answer.save);
        assertThat(answer.isOpened()).isFalse();
        OrderRow after = RunAs.user("supervisor", () -> supervision.ordersOf(c.id()), "SUPERVISOR").get(0);
        assertThat(after.state()).isEqualTo(OrderState.ANSWERED);
        assertThat(after.answer()).isEqualTo("已现场处置完毕");
    }

    @Test
    void a_clerk_of_another_unit_gets_no_answer_button_and_does_not_see_the_order() {
        OrderRow order = RunAs.user("supervisor", () -> supervision.issue(c.id(), SupervisionLevel.SUPERVISION,
                "超期未办结", null), "SUPERVISOR");
        login("clerk.jiangan");
        navigate("supervision");
        SupervisionOrdersView view = _get(SupervisionOrdersView.class);
        assertThat(view.unit.isVisible()).isFalse();
        assertThat(view.actions.canAnswer(order)).isFalse();
        assertThat(GridKt._size(view.grid) == 0 || GridKt._findAll(view.grid).stream()
                .noneMatch(r -> r.id() == order.id())).isTrue();
    }
}
