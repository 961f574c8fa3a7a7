package org.civitas.cases.ui.inbox;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.cases.Reports.aReport;

import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.QueryParameters;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.inbox.CaseRow;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.cases.CaseStatus;
import org.civitas.cases.lifecycle.InboxColumns;
import org.civitas.cases.lifecycle.InboxViews;
import org.civitas.test.KaribuTest;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The inbox as its users see it. Each test registers its cases on a day of its own, far from the other tests'
 * dates, and opens the inbox filtered to that day through the address bar.
 */
class InboxViewTest extends KaribuTest {

    @Autowired CaseService cases;
    @Autowired MutableClock clock;
    @Autowired InboxColumns columns;
    @Autowired InboxViews views;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_unit_clerk_sees_only_the_cases_of_their_unit_and_an_operator_sees_all() {
        LocalDate day = LocalDate.of(2029, 5, 15); // a Tuesday
        clock.set(day.atTime(9, 0));
        long jiangan1 = register("D01", "S0101", "SR-02");
        long jiangan2 = register("D01", "S0102", "SR-02");
        long wuchang = register("D05", "S0501", "SR-02");

        login("clerk.jiangan");
        List<CaseRow> clerkRows = open("cases?from=" + day + "&to=" + day);
        assertThat(clerkRows).extracting(CaseRow::id).containsExactlyInAnyOrder(jiangan1, jiangan2);
        assertThat(clerkRows).extracting(CaseRow::phone).containsOnly("138****5678");
        assertThat(_get(InboxView.class).filters.phone.isVisible()).as("no phone search for units").isFalse();

        login("operator");
        List<CaseRow> operatorRows = open("cases?from=" + day + "&to=" + day);
        assertThat(operatorRows).extracting(CaseRow::id).containsExactlyInAnyOrder(jiangan1, jiangan2, wuchang);
        assertThat(operatorRows).extracting(CaseRow::phone).containsOnly("13812345678");
    }

    @Test
    void overdue_only_narrows_the_rows_once_the_deadline_has_passed() {
        LocalDate day = LocalDate.of(2029, 5, 16); // a Wednesday
        clock.set(day.atTime(9, 0));
        long emergency = register("D01", "S0101", "SR-07"); // 2 clock hours: due 11:00
        long normal = register("D01", "S0101", "SR-02"); // 1 working day: due Thursday 17:30

        login("clerk.jiangan");
        assertThat(open("cases?from=" + day + "&to=" + day)).extracting(CaseRow::id)
                .containsExactly(emergency, normal); // soonest deadline first
        clock.advance(Duration.ofHours(3));

        InboxView view = _get(InboxView.class);
        view.filters.overdue.setValue(true);
        assertThat(rows(view)).extracting(CaseRow::id).containsExactly(emergency);

        // the same filter from a link on another page
        assertThat(open("cases?overdue=true&unit=D01&from=" + day + "&to=" + day)).extracting(CaseRow::id)
                .containsExactly(emergency);
        assertThat(_get(InboxView.class).filters.overdue.getValue()).isTrue();
    }

    @Test
    void district_and_street_narrow_the_rows_for_a_supervisor() {
        LocalDate day = LocalDate.of(2029, 5, 17); // a Thursday
        clock.set(day.atTime(9, 0));
        long s0101 = register("D01", "S0101", "SR-02");
        register("D01", "S0102", "SR-02");
        register("D05", "S0501", "SR-02");

        login("supervisor");
        List<CaseRow> all = open("cases?from=" + day + "&to=" + day);
        assertThat(all).hasSize(3);
        InboxView view = _get(InboxView.class);
        view.filters.district.setValue(view.filters.district.getListDataView().getItems()
                .filter(u -> u.code().equals("D01")).findFirst().orElseThrow());
        assertThat(rows(view)).hasSize(2);
        view.filters.street.setValue(view.filters.street.getListDataView().getItems()
                .filter(u -> u.code().equals("S0101")).findFirst().orElseThrow());
        assertThat(rows(view)).extracting(CaseRow::id).containsExactly(s0101);
    }

    @Test
    void a_keyword_narrows_the_rows_and_one_of_a_single_character_is_marked_instead_of_applied() {
        LocalDate day = LocalDate.of(2029, 5, 18); // a Friday
        clock.set(day.atTime(9, 0));
        long noise = as("operator", () -> cases.register(aReport().item("SR-02").in("D01", "S0101")
                .description("夜市摊位噪音扰民").build())).id();
        long other = register("D01", "S0101", "SR-02");

        login("supervisor");
        assertThat(open("cases?from=" + day + "&to=" + day)).hasSize(2);
        InboxView view = _get(InboxView.class);
        view.filters.keyword.setValue("噪音");
        assertThat(rows(view)).extracting(CaseRow::id).containsExactly(noise);
        assertThat(view.filters.keyword.isInvalid()).isFalse();

        view.filters.keyword.setValue("噪");
        assertThat(view.filters.keyword.isInvalid()).isTrue();
        assertThat(view.filters.keyword.getErrorMessage()).isEqualTo("关键词每个词至少 2 个字，总长不超过 50 个字。");
        assertThat(rows(view)).as("the last valid filter stays").extracting(CaseRow::id).containsExactly(noise);
        view.filters.keyword.clear();
        assertThat(rows(view)).extracting(CaseRow::id).containsExactlyInAnyOrder(noise, other);

        // the same filter from a link on another page
        assertThat(open("cases?keyword=%E5%99%AA%E9%9F%B3&from=" + day + "&to=" + day)).extracting(CaseRow::id)
                .containsExactly(noise);
        assertThat(_get(InboxView.class).filters.keyword.getValue()).isEqualTo("噪音");
    }

    @Test
    void the_item_column_shows_the_item_code_and_name_and_only_the_default_columns_are_shown() {
        LocalDate day = LocalDate.of(2029, 5, 21); // a Monday
        clock.set(day.atTime(9, 0));
        register("D01", "S0101", "SR-08");

        login("supervisor");
        open("cases?from=" + day + "&to=" + day);
        InboxView view = _get(InboxView.class);
        assertThat(GridKt._getFormatted(view.grid, 0, "item")).isEqualTo("SR-08 违法建设");
        assertThat(view.grid.getColumns()).filteredOn(Grid.Column::isVisible).extracting(Grid.Column::getKey)
                .containsExactly("number", "status", "item", "place", "address", "leadUnit", "receivedAt",
                        "handleDue");
    }

    @Test
    void the_columns_a_user_chose_are_shown_to_that_user_next_time() {
        login("inspector");
        columns.choose(Set.of("number", "status", "item", "channel"));
        UI.getCurrent().navigate("cases");
        assertThat(_get(InboxView.class).grid.getColumns()).filteredOn(Grid.Column::isVisible)
                .extracting(Grid.Column::getKey).containsExactly("number", "status", "item", "channel");

        login("supervisor");
        UI.getCurrent().navigate("cases");
        assertThat(_get(InboxView.class).grid.getColumnByKey("channel").isVisible()).as("another user").isFalse();
    }

    @Test
    void a_clerk_opens_on_the_cases_to_sign_first_then_those_in_hand() {
        LocalDate day = LocalDate.of(2029, 6, 5); // a Tuesday no other test uses
        clock.set(day.atTime(9, 0));
        long inHand = register("D01", "S0101", "SR-07"); // due in two hours
        long toSign = register("D01", "S0101", "SR-02"); // due tomorrow
        as("clerk.jiangan", () -> cases.sign(cases.get(inHand).ref()));

        login("clerk.jiangan");
        List<CaseRow> rows = open("cases?");
        assertThat(rows).isNotEmpty();
        assertThat(rows.get(0).status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(rows).extracting(CaseRow::id).containsSubsequence(toSign, inHand);
        assertThat(rows.stream().map(CaseRow::status).distinct()).as("states in a row, 待签收 first")
                .containsExactly(CaseStatus.DISPATCHED, CaseStatus.IN_PROGRESS);
        InboxView view = _get(InboxView.class);
        assertThat(view.chips.getChildren().map(c -> ((Span) c).getTitle().orElse("")))
                .containsExactly("状态: 已派单、办理中、申请退单");
        assertThat(view.filters.status.getAutoExpand()).as("each chosen state its own chip in the panel too")
                .isEqualTo(com.vaadin.flow.component.combobox.MultiSelectComboBox.AutoExpandMode.VERTICAL);
        assertThat(view.total.getText()).isEqualTo("共 " + rows.size() + " 件");
    }

    @Test
    void a_supervisor_opens_on_the_overdue_cases_and_an_operator_on_todays() {
        LocalDate day = LocalDate.of(2029, 6, 6); // a Wednesday no other test uses
        clock.set(day.atTime(9, 0));
        long today = register("D05", "S0501", "SR-02");

        login("operator");
        assertThat(open("cases?")).extracting(CaseRow::id).containsExactly(today);
        assertThat(_get(InboxView.class).total.getText()).isEqualTo("共 1 件");

        login("supervisor");
        clock.advance(Duration.ofDays(3));
        List<CaseRow> rows = open("cases?");
        assertThat(rows).extracting(CaseRow::id).contains(today);
        assertThat(rows).allMatch(r -> r.overdue(java.time.LocalDateTime.now(clock)));
        InboxView view = _get(InboxView.class);
        assertThat(view.filters.overdue.getValue()).isTrue();
        // a chip removes its filter at once
        Span overdueChip = (Span) view.chips.getChildren().filter(c -> ((Span) c).getTitle().orElse("")
                .equals("仅看超期")).findFirst().orElseThrow();
        ((Button) overdueChip.getChildren().toList().get(1)).click();
        assertThat(view.filters.overdue.getValue()).isFalse();
        assertThat(view.chips.getChildren().map(c -> ((Span) c).getTitle().orElse(""))).doesNotContain("仅看超期");
    }

    @Test
    void sorting_by_received_time_pages_in_that_order() {
        LocalDate day = LocalDate.of(2029, 5, 24); // a Thursday
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            clock.set(day.atTime(9, 0).plusMinutes(10L * i));
            // the earliest received is due last: the deadline order is the other way round
            ids.add(register("D01", "S0101", i % 2 == 0 ? "SR-02" : "SR-07"));
        }
        login("supervisor");
        open("cases?from=" + day + "&to=" + day);
        InboxView view = _get(InboxView.class);
        view.grid.setPageSize(3); // pages of three: the order holds across the boundaries between them
        GridKt._sortByKey(view.grid, "receivedAt", SortDirection.DESCENDING);
        assertThat(rows(view)).extracting(CaseRow::id).containsExactlyElementsOf(reversed(ids));
        GridKt._sortByKey(view.grid, "receivedAt", SortDirection.ASCENDING);
        assertThat(rows(view)).extracting(CaseRow::id).containsExactlyElementsOf(ids);
        GridKt._sortByKey(view.grid, "number", SortDirection.DESCENDING);
        assertThat(rows(view)).extracting(CaseRow::id).containsExactlyElementsOf(reversed(ids));
    }

    @Test
    void a_saved_view_opens_its_filters_sort_and_columns_in_one_click_and_a_taken_name_changes_nothing() {
        jdbc.update("delete from inbox_view where username = 'leader'");
        LocalDate day = LocalDate.of(2029, 6, 12); // a Tuesday no other test uses
        clock.set(day.atTime(9, 0));
        long early = register("D01", "S0101", "SR-02");
        clock.set(day.atTime(9, 30));
        long late = register("D01", "S0102", "SR-02");
        register("D05", "S0501", "SR-02");
        try {
            login("leader");
            open("cases?district=D01&from=" + day + "&to=" + day);
            InboxView view = _get(InboxView.class);
            GridKt._sortByKey(view.grid, "receivedAt", SortDirection.DESCENDING);
            view.gridColumns.show(Set.of("number", "status", "item", "channel"));

            view.savedViews.openSave();
            view.savedViews.saveName.setValue("江岸今日");
            view.savedViews.save();
            assertThat(view.savedViews.saveDialog.isOpened()).isFalse();

            view.savedViews.openSave();
            view.savedViews.saveName.setValue(" 江岸今日 ");
            view.savedViews.save();
            assertThat(view.savedViews.saveDialog.isOpened()).as("a taken name keeps the dialog open").isTrue();
            assertThat(view.savedViews.saveName.isInvalid()).isTrue();
            assertThat(view.savedViews.saveName.getErrorMessage()).isEqualTo("您已有名为“江岸今日”的视图，请换一个名称。");
            view.savedViews.saveName.setValue("");
            view.savedViews.save();
            assertThat(view.savedViews.saveName.getErrorMessage()).isEqualTo("请填写视图名称。");
            view.savedViews.saveDialog.close();
            assertThat(view.savedViews.names()).containsExactly("江岸今日");

            // another day: the role's own first view, the default columns
            view.gridColumns.show(InboxGridColumns.DEFAULT);
            UI.getCurrent().navigate("cases");
            InboxView again = _get(InboxView.class);
            assertThat(again.grid.getColumnByKey("channel").isVisible()).isFalse();

            ContextMenuKt._clickItemWithCaption(again.savedViews, "江岸今日");
            assertThat(rows(again)).extracting(CaseRow::id).containsExactly(late, early);
            assertThat(again.filters.district.getValue().code()).isEqualTo("D01");
            assertThat(again.filters.from.getValue()).isEqualTo(day);
            assertThat(again.grid.getSortOrder()).singleElement().satisfies(o -> {
                assertThat(o.getSorted().getKey()).isEqualTo("receivedAt");
                assertThat(o.getDirection()).isEqualTo(SortDirection.DESCENDING);
            });
            assertThat(again.grid.getColumns()).filteredOn(Grid.Column::isVisible).extracting(Grid.Column::getKey)
                    .containsExactly("number", "status", "item", "channel");

            // renamed and deleted in 管理视图
            long id = views.mine().get(0).id();
            again.savedViews.openManage();
            _get(TextField.class, spec -> spec.withId("inbox-view-name-" + id)).setValue("江岸区今日受理");
            _click(_get(Button.class, spec -> spec.withId("inbox-view-rename-" + id)));
            assertThat(again.savedViews.names()).containsExactly("江岸区今日受理");
            _click(_get(Button.class, spec -> spec.withId("inbox-view-delete-" + id)));
            assertThat(again.savedViews.names()).isEmpty();
        } finally {
            jdbc.update("delete from grid_columns where username = 'leader'");
        }
    }

    @Test
    void the_place_names_the_street_without_repeating_its_district_and_a_time_of_this_year_has_no_year() {
        LocalDate day = LocalDate.of(2029, 6, 13); // a Wednesday no other test uses
        clock.set(day.atTime(9, 5));
        register("D01", "S0101", "SR-02");
        register("D01", null, "SR-02");

        login("supervisor");
        open("cases?from=" + day + "&to=" + day);
        InboxView view = _get(InboxView.class);
        assertThat(List.of(GridKt._getFormatted(view.grid, 0, "place"), GridKt._getFormatted(view.grid, 1, "place")))
                .containsExactlyInAnyOrder("江岸区 大智街道", "江岸区");
        assertThat(GridKt._getFormatted(view.grid, 0, "receivedAt")).isEqualTo("06-13 09:05");
    }

    /** As a link from another page would open it: {@code cases?overdue=true&unit=D05}. */
    private List<CaseRow> open(String location) {
        if (location.endsWith("?")) {
            UI.getCurrent().navigate(location.substring(0, location.length() - 1));
            return rows(_get(InboxView.class));
        }
        int q = location.indexOf('?');
        UI.getCurrent().navigate(location.substring(0, q), QueryParameters.fromString(location.substring(q + 1)));
        return rows(_get(InboxView.class));
    }

    private static List<Long> reversed(List<Long> ids) {
        List<Long> r = new ArrayList<>(ids);
        java.util.Collections.reverse(r);
        return r;
    }

    private static List<CaseRow> rows(InboxView view) {
        int size = GridKt._size(view.grid);
        List<CaseRow> rows = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            rows.add(GridKt._get(view.grid, i));
        }
        return rows;
    }

    private long register(String district, String street, String item) {
        return as("operator", () -> cases.register(aReport().item(item).in(district, street).build())).id();
    }

    private CaseDetails as(String username, Supplier<CaseDetails> action) {
        return RunAs.account(userDetails, username, action);
    }
}
