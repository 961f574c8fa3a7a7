package org.civitas.supervision.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.civitas.cases.Reports.aReport;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.CompletableFuture;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.CaseService;
import org.civitas.supervision.BoardCase;
import org.civitas.test.KaribuTest;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DeadlineBoardViewTest extends KaribuTest {

    static final LocalDateTime MONDAY_9 = LocalDateTime.of(2026, 3, 23, 9, 0);

    @Autowired CaseService cases;
    @Autowired MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void the_overdue_section_lists_an_overdue_case_with_how_late_it_is() {
        clock.set(MONDAY_9);
        CaseDetails c = register("SR-04"); // due Tuesday 17:30
        clock.set(LocalDateTime.of(2026, 3, 24, 18, 50));
        login("supervisor");
        navigate("board");
        DeadlineBoardView board = _get(DeadlineBoardView.class);
        assertThat(board.items(board.overdue)).extracting(BoardCase::number).contains(c.number());
        assertThat(board.items(board.today)).extracting(BoardCase::number).doesNotContain(c.number());
        assertThat(Countdown.text(board, c.handleDueAt(), LocalDateTime.of(2026, 3, 24, 18, 50)))
                .isEqualTo("超 1 小时 20 分");
        assertThat(Countdown.text(board, c.handleDueAt(), LocalDateTime.of(2026, 3, 24, 16, 10)))
                .isEqualTo("剩 1 小时 20 分");
    }

    @Test
    void a_clerk_sees_only_the_cases_of_their_unit() {
        clock.set(MONDAY_9);
        CaseDetails wuchang = register("SR-04");
        clock.set(LocalDateTime.of(2026, 3, 24, 18, 0));
        login("clerk.jiangan");
        navigate("board");
        DeadlineBoardView board = _get(DeadlineBoardView.class);
        assertThat(board.items(board.overdue)).extracting(BoardCase::number).doesNotContain(wuchang.number());
        assertThat(board.units.getListDataView().getItems()).allMatch(u -> u.unitCode().equals("D01"));
    }

    @Test
    void a_case_registered_in_another_session_appears_on_the_open_board_by_push() throws Exception {
        clock.set(MONDAY_9);
        login("supervisor");
        navigate("board");
        DeadlineBoardView board = _get(DeadlineBoardView.class);
        int refreshes = board.refreshes;
        // another user, another thread: an emergency report (due in two clock hours)
        CaseDetails c = CompletableFuture.supplyAsync(() -> RunAs.user("operator",
                () -> cases.register(aReport().item("SR-07").build()), "OPERATOR")).get();
        // the UI queue belongs to this thread's session: poll here, not in Awaitility's thread
        await().pollInSameThread().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            MockVaadin.runUIQueue();
            assertThat(board.items(board.emergency)).extracting(BoardCase::number).contains(c.number());
        });
        assertThat(board.refreshes).isGreaterThan(refreshes);
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(DeadlineBoardView.POLL_MILLIS);
    }

    private CaseDetails register(String item) {
        return RunAs.user("operator", () -> cases.register(aReport().item(item).build()), "OPERATOR");
    }
}
