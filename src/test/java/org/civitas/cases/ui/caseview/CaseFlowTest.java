package org.civitas.cases.ui.caseview;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.cases.Reports.aReport;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.civitas.cases.CaseAction;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.cases.CaseStatus;
import org.civitas.cases.HistoryEntry;
import org.civitas.cases.Rating;
import org.civitas.cases.ReplyOutcome;
import org.civitas.test.KaribuTest;
import org.civitas.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The browserless flow: operator registers → clerk signs and replies → supervisor accepts, rates → closed. */
class CaseFlowTest extends KaribuTest {

    @Autowired CaseService cases;
    @Autowired MutableClock clock;

    @BeforeEach
    void monday_morning() {
        clock.set(LocalDateTime.of(2026, 3, 2, 9, 0));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void operator_registers_clerk_signs_and_replies_supervisor_accepts_and_rates_and_the_case_is_closed() {
        login("operator");
        CaseDetails registered = cases.register(aReport().item("SR-04").in("D05", "S0501").build());
        long id = registered.id();
        assertThat(registered.status()).isEqualTo(CaseStatus.DISPATCHED);

        open("clerk.wuchang", id);
        act(CaseAction.SIGN);
        assertThat(status()).isEqualTo("办理中");
        clock.advance(Duration.ofHours(2));
        CaseActionDialog reply = act(CaseAction.REPLY, d -> {
            d.outcome.setValue(ReplyOutcome.RESOLVED);
            d.note.setValue("已组织清运，现场已清理干净。");
        });
        assertThat(reply.isOpened()).isFalse();
        assertThat(status()).isEqualTo("已答复");
        assertThat(_get(CaseView.class).actions.buttons).isEmpty();

        open("supervisor", id);
        act(CaseAction.ACCEPT_REPLY);
        act(CaseAction.RATE, d -> {
            d.rating.setValue(Rating.SATISFIED);
            d.solved.setValue(Boolean.TRUE);
        });
        assertThat(status()).isEqualTo("已办结");
        CaseView view = _get(CaseView.class);
        assertThat(view.details.closeReason()).isNotNull();
        assertThat(view.actions.buttons).isEmpty();

        List<HistoryEntry> history = cases.history(id);
        assertThat(history).extracting(HistoryEntry::action).containsExactly(CaseAction.REGISTER,
                CaseAction.DISPATCH, CaseAction.SIGN, CaseAction.REPLY, CaseAction.ACCEPT_REPLY, CaseAction.RATE,
                CaseAction.CLOSE);
        assertThat(history).extracting(HistoryEntry::actor).containsExactly("operator", "system", "clerk.wuchang",
                "clerk.wuchang", "supervisor", "supervisor", "supervisor");
        assertThat(history.get(history.size() - 1).to()).isEqualTo(CaseStatus.CLOSED);
        assertThat(view.timeline.entries).extracting(HistoryEntry::action)
                .containsExactlyElementsOf(history.stream().map(HistoryEntry::action).toList());
    }

    private void open(String username, long id) {
        login(username);
        navigate("");
        navigate("cases/" + id);
    }

    private CaseActionDialog act(CaseAction action) {
        return act(action, d -> { });
    }

    private CaseActionDialog act(CaseAction action, java.util.function.Consumer<CaseActionDialog> fill) {
        _click(_get(Button.class, spec -> spec.withId("case-action-" + action.name())));
        CaseActionDialog dialog = _get(CaseActionDialog.class);
        fill.accept(dialog);
        _click(dialog.confirm);
        assertThat(dialog.isOpened()).as(action + " dialog closed after a successful action").isFalse();
        return dialog;
    }

    private static String status() {
        return _get(Span.class, spec -> spec.withId("case-status")).getText();
    }
}
