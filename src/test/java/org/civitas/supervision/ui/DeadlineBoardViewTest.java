package org.civitas.supervision.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.civitas.cases.Reports.aReport;

import com.github.mvysny.kaributesting.v10.ElementUtilsKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.CellFocusEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.dom.DomEvent;
import elemental.json.Json;
import elemental.json.JsonObject;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.catalog.UnitView;
import org.civitas.supervision.BoardCase;
import org.civitas.supervision.BoardService;
import org.civitas.supervision.UnitLoad;
import org.civitas.test.KaribuTest;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DeadlineBoardViewTest extends KaribuTest {

    static final LocalDateTime MONDAY_9 = LocalDateTime.of(2026, 3, 23, 9, 0);
    /** SR-04 registered Monday 9:00 is due Tuesday 17:30: overdue by then. */
    static final LocalDateTime TUESDAY_1850 = LocalDateTime.of(2026, 3, 24, 18, 50);
    static final String AWAITING = "status=DISPATCHED,IN_PROGRESS,RETURN_REQUESTED";

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

    @Test
    void a_click_on_a_row_opens_its_case() {
        clock.set(MONDAY_9);
        CaseDetails c = register("SR-04");
        clock.set(TUESDAY_1850);
        login("supervisor");
        navigate("board");
        DeadlineBoardView board = _get(DeadlineBoardView.class);
        GridKt._clickItem(board.overdue, board.items(board.overdue).indexOf(row(board, c)));
        assertThat(path()).isEqualTo("cases/" + c.id());
    }

    @Test
    void enter_on_the_focused_row_opens_its_case() {
        clock.set(MONDAY_9);
        CaseDetails c = register("SR-04");
        clock.set(TUESDAY_1850);
        login("supervisor");
        navigate("board");
        DeadlineBoardView board = _get(DeadlineBoardView.class);
        Grid<BoardCase> grid = board.overdue;
        String key = grid.getDataCommunicator().getKeyMapper().key(row(board, c));
        ComponentUtil.fireEvent(grid, new CellFocusEvent<>(grid, true, key, null, "body"));
        assertThat(path()).isEqualTo("board");
        // the browser sends the listener's filter as evaluated: true for Enter
        JsonObject enter = Json.createObject();
        enter.put("event.key === 'Enter'", true);
        ElementUtilsKt._fireDomEvent(grid.getElement(), new DomEvent(grid.getElement(), "keydown", enter));
        assertThat(path()).isEqualTo("cases/" + c.id());
    }

    @Test
    void the_matrix_names_the_units_and_its_counts_open_the_filtered_inbox() {
        clock.set(MONDAY_9);
        register("SR-04", "D09"); // territorial: led by the district, 蔡甸区
        clock.set(TUESDAY_1850);
        login("supervisor");
        navigate("board");
        DeadlineBoardView board = _get(DeadlineBoardView.class);
        assertThat(board.getChildren().toList().indexOf(board.units))
                .isLessThan(board.getChildren().toList().indexOf(board.lists));
        List<UnitLoad> rows = board.units.getListDataView().getItems().toList();
        int d09 = rows.stream().map(UnitLoad::unitCode).toList().indexOf("D09");
        assertThat(GridKt._getFormatted(board.units, d09, "unit")).isEqualTo("蔡甸区");
        for (int i = 0; i < rows.size(); i++) {
            assertThat(GridKt._getFormatted(board.units, i, "unit")).doesNotMatch("[A-Z][0-9]{2,4}");
        }
        assertThat(link(board, d09, "open")).isEqualTo("cases?" + AWAITING + "&unit=D09");
        assertThat(link(board, d09, "overdue")).isEqualTo("cases?overdue=true&unit=D09");

        board.district.setValue(district(board, "D09"));
        rows = board.units.getListDataView().getItems().toList();
        assertThat(rows).extracting(UnitLoad::unitCode).contains("D09");
        d09 = rows.stream().map(UnitLoad::unitCode).toList().indexOf("D09");
        assertThat(link(board, d09, "overdue")).isEqualTo("cases?overdue=true&unit=D09&district=D09");
    }

    @Test
    void each_tab_label_carries_the_number_of_its_cases() {
        clock.set(TUESDAY_1850);
        login("supervisor");
        navigate("board");
        DeadlineBoardView board = _get(DeadlineBoardView.class);
        board.district.setValue(district(board, "D11"));
        long before = board.items(board.overdue).size();
        assertThat(board.lists.getTabAt(0).getLabel()).isEqualTo("已超期（" + before + "）");

        clock.set(MONDAY_9);
        register("SR-04", "D11");
        register("SR-04", "D11");
        clock.set(TUESDAY_1850);
        board.refresh();
        assertThat(board.lists.getTabAt(0).getLabel()).isEqualTo("已超期（" + (before + 2) + "）");
        assertThat(board.lists.getTabAt(1).getLabel()).startsWith("应急类 2 小时内到期（");
        assertThat(board.lists.getTabAt(3).getLabel()).startsWith("3 个工作日内到期（");
    }

    @Test
    void the_district_filter_narrows_the_lists_and_the_matrix() {
        clock.set(MONDAY_9);
        CaseDetails wuchang = register("SR-04");
        CaseDetails jiangxia = register("SR-04", "D10");
        clock.set(TUESDAY_1850);
        login("supervisor");
        navigate("board");
        DeadlineBoardView board = _get(DeadlineBoardView.class);
        assertThat(board.items(board.overdue)).extracting(BoardCase::number)
                .contains(wuchang.number(), jiangxia.number());
        board.district.setValue(district(board, "D10"));
        assertThat(board.items(board.overdue)).extracting(BoardCase::number)
                .contains(jiangxia.number()).doesNotContain(wuchang.number());
        assertThat(board.units.getListDataView().getItems()).extracting(UnitLoad::unitCode).doesNotContain("D05");
        board.district.clear();
        assertThat(board.items(board.overdue)).extracting(BoardCase::number).contains(wuchang.number());
    }

    @Test
    void a_clerk_sees_their_lists_first_and_one_row_of_their_unit_linking_to_their_inbox() {
        clock.set(MONDAY_9);
        CaseDetails jiangan = register("SR-04", "D01");
        clock.set(TUESDAY_1850);
        login("clerk.jiangan");
        navigate("board");
        DeadlineBoardView board = _get(DeadlineBoardView.class);
        assertThat(board.items(board.overdue)).extracting(BoardCase::number).contains(jiangan.number());
        assertThat(board.getChildren().toList().indexOf(board.lists))
                .isLessThan(board.getChildren().toList().indexOf(board.units));
        assertThat(board.units.getListDataView().getItems()).extracting(UnitLoad::unitCode).containsExactly("D01");
        assertThat(GridKt._getFormatted(board.units, 0, "unit")).isEqualTo("江岸区");
        // the clerk's inbox is scoped to the unit already, co-handled cases included
        assertThat(link(board, 0, "overdue")).isEqualTo("cases?overdue=true");
    }

    @Test
    void a_list_holds_every_case_of_its_tab_beyond_the_first_hundred_most_overdue_first() {
        clock.set(MONDAY_9);
        List<String> numbers = new java.util.ArrayList<>();
        for (int i = 0; i < BoardService.SECTION_LIMIT + 5; i++) {
            clock.set(MONDAY_9.plusMinutes(i)); // due one after the other, the first registered most overdue
            numbers.add(register("SR-04", "D08").number());
        }
        clock.set(TUESDAY_1850.plusDays(1));
        login("supervisor");
        navigate("board");
        DeadlineBoardView board = _get(DeadlineBoardView.class);
        board.district.setValue(district(board, "D08"));

        List<BoardCase> rows = board.items(board.overdue);
        assertThat(rows.size()).isGreaterThan(BoardService.SECTION_LIMIT);
        assertThat(board.lists.getTabAt(0).getLabel()).isEqualTo("已超期（" + rows.size() + "）");
        assertThat(rows).extracting(BoardCase::number).containsSubsequence(numbers);
        assertThat(rows).extracting(BoardCase::handleDueAt).isSorted();
    }

    private static BoardCase row(DeadlineBoardView board, CaseDetails c) {
        return board.items(board.overdue).stream().filter(r -> r.id() == c.id()).findFirst().orElseThrow();
    }

    private static String link(DeadlineBoardView board, int row, String column) {
        return ((Anchor) GridKt._getCellComponent(board.units, row, column)).getHref();
    }

    private static UnitView district(DeadlineBoardView board, String code) {
        return board.district.getListDataView().getItems().filter(u -> u.code().equals(code)).findFirst()
                .orElseThrow();
    }

    private static String path() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    }

    private CaseDetails register(String item, String district) {
        return RunAs.user("operator", () -> cases.register(aReport().item(item).in(district, null).build()),
                "OPERATOR");
    }

    private CaseDetails register(String item) {
        return RunAs.user("operator", () -> cases.register(aReport().item(item).build()), "OPERATOR");
    }
}
