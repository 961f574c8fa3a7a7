package org.civitas.supervision.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.cases.Reports.aReport;

import com.vaadin.flow.component.html.Span;
import java.time.LocalDateTime;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.supervision.SupervisionLevel;
import org.civitas.test.KaribuTest;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The case view carries the case's orders: issued there, answered there, each on the timeline. */
class SupervisionOnCaseViewTest extends KaribuTest {

    @Autowired CaseService cases;
    @Autowired MutableClock clock;
    CaseDetails c;

    @BeforeEach
    void a_wuchang_case() {
        clock.set(LocalDateTime.of(2026, 4, 20, 9, 0));
        c = RunAs.user("operator", () -> cases.register(aReport().item("SR-04").build()), "OPERATOR");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void an_order_issued_on_the_case_view_and_its_answer_appear_on_the_timeline() {
        login("supervisor");
        navigate("cases/" + c.id());
        IssueDialog dialog = _get(SupervisionPanel.class).openIssue();
        dialog.level.setValue(SupervisionLevel.SUPERVISION);
        dialog.reason.setValue("超期未签收，请立即处理");
        _click(dialog.save);
        assertThat(timeline()).contains("督办");

        login("clerk.wuchang");
        navigate("cases/" + c.id());
        SupervisionPanel panel = _get(SupervisionPanel.class);
        TextDialog answer = panel.actions.answer(panel.grid.getListDataView().getItems().findFirst().orElseThrow());
        answer.text.setValue("已签收并安排清理");
        _click(answer.save);
        assertThat(timeline()).contains("督办", "答复督办");
    }

    @Test
    void the_operator_and_the_inspector_see_no_supervision_panel() {
        for (String user : new String[] {"operator", "inspector"}) {
            login(user);
            navigate("cases/" + c.id());
            _assertNone(SupervisionPanel.class);
        }
    }

    private static java.util.List<String> timeline() {
        return _find(Span.class, spec -> spec.withClasses("case-history-action")).stream().map(Span::getText)
                .toList();
    }
}
