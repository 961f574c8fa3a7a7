package org.civitas.dashboard.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.grid.Grid;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Supplier;
import org.civitas.base.ui.EChart;
import org.civitas.app.ui.HomeView;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.cases.Channel;
import org.civitas.cases.intake.NewCase;
import org.civitas.cases.Rating;
import org.civitas.cases.ReplyOutcome;
import org.civitas.cases.ui.inbox.InboxView;
import org.civitas.dashboard.DashboardService;
import org.civitas.dashboard.DeadlineRow;
import org.civitas.dashboard.OperatorWork;
import org.civitas.inspection.InspectionService;
import org.civitas.inspection.InspectorWork;
import org.civitas.inspection.NewFinding;
import org.civitas.inspection.NewRound;
import org.civitas.inspection.NoticeRow;
import org.civitas.inspection.NoticeService;
import org.civitas.inspection.PlaceType;
import org.civitas.inspection.RoundRow;
import org.civitas.inspection.ui.NoticesView;
import org.civitas.test.KaribuTest;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The landing page by role, in April 2025: a month no other test uses. */
class HomeViewTest extends KaribuTest {

    @Autowired CaseService cases;
    @Autowired MutableClock clock;
    @Autowired DashboardService dashboard;
    @Autowired InspectionService inspections;
    @Autowired NoticeService notices;

    // registered once for the class: the database lives as long as the shared Spring context
    private static CaseDetails open;

    @BeforeEach
    void two_cases_of_wuchang_one_closed_satisfied() {
        clock.set(LocalDateTime.of(2025, 4, 7, 9, 0)); // Monday
        if (open != null) {
            return;
        }
        open = as("operator", () -> cases.register(report()));
        CaseDetails c = as("operator", () -> cases.register(report()));
        CaseDetails signed = as("clerk.wuchang", () -> cases.sign(c.ref()));
        CaseDetails replied = as("clerk.wuchang",
                () -> cases.reply(signed.ref(), ReplyOutcome.RESOLVED, "已处理", List.of()));
        as("operator", () -> cases.rate(replied.ref(), Rating.SATISFIED, true, null));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_supervisor_sees_the_month_figures_and_the_trend_chart() throws Exception {
        login("supervisor");
        navigate("");
        _get(HomeView.class);
        assertThat(figure("kpi-today")).isEqualTo("2");
        assertThat(figure("kpi-month")).isEqualTo("2");
        assertThat(figure("kpi-onTime")).isEqualTo("100.0%");
        assertThat(figure("kpi-satisfaction")).isEqualTo("100.0%");

        EChart trend = _get(EChart.class, spec -> spec.withId("chart-trend"));
        JsonNode option = new ObjectMapper().readTree(trend.getOptionJson());
        assertThat(option.at("/title/text").asText()).isEqualTo("近 30 天受理与办结");
        assertThat(option.at("/xAxis/data")).hasSize(30);
        assertThat(option.at("/xAxis/data/29").asText()).isEqualTo("04-07");
        assertThat(option.at("/series/0/name").asText()).isEqualTo("受理");
        assertThat(option.at("/series/0/data/29").asLong()).isEqualTo(2);
        assertThat(option.at("/series/1/data/29").asLong()).isEqualTo(1);
        assertThat(_get(EChart.class, spec -> spec.withId("chart-items")).getOptionJson()).contains("占道经营");
        assertThat(_get(EChart.class, spec -> spec.withId("chart-channels")).getOptionJson()).contains("12345热线");
    }

    /** The panels are the dashboard's own (HomePanel beans), and they keep their order on the page. */
    @Test
    void a_supervisors_home_shows_the_figures_above_the_queue() {
        login("supervisor");
        navigate("");
        List<Class<?>> panels = _get(HomeView.class).getChildren().<Class<?>>map(Object::getClass)
                .filter(c -> c == OverviewPanel.class || c == QueuePanel.class).toList();
        assertThat(panels).containsExactly(OverviewPanel.class, QueuePanel.class);
    }

    @Test
    void a_clerk_sees_the_queue_and_the_nearest_deadlines_but_no_city_figures() {
        login("clerk.wuchang");
        navigate("");
        _get(QueuePanel.class);
        assertThat(Long.parseLong(figure("queue-toSign"))).isGreaterThanOrEqualTo(1);
        @SuppressWarnings("unchecked")
        Grid<DeadlineRow> grid = _get(Grid.class, spec -> spec.withId("deadlines"));
        assertThat(GridKt._size(grid)).isBetween(1, 10);
        assertThat(GridKt._get(grid, 0).leadUnitCode()).isEqualTo("D05");
        assertThat(_find(OverviewPanel.class)).isEmpty();
        assertThat(_find(EChart.class)).isEmpty();
    }

    @Test
    void an_administrator_sees_a_welcome_and_no_case_content() {
        login("admin");
        navigate("");
        HomeView home = _get(HomeView.class);
        assertThat(_find(QueuePanel.class)).isEmpty();
        assertThat(_find(OverviewPanel.class)).isEmpty();
        assertThat(_find(Grid.class)).isEmpty();
        String text = home.getElement().getTextRecursively();
        assertThat(text).contains("您好").doesNotContain(open.number()).doesNotContain("WM2025");
    }

    @Test
    void the_operators_home_counts_only_their_registrations_today_and_the_card_links_to_the_inbox() {
        clock.set(LocalDateTime.of(2023, 2, 14, 10, 0)); // a day no other test registers on
        OperatorWork before = as("operator", dashboard::operatorWork);
        as("supervisor", () -> cases.register(report())); // someone else's registration
        as("operator", () -> cases.register(report()));
        as("operator", () -> cases.register(new NewCase(Channel.HOTLINE_12345, null, null, "李四", "13900001111",
                false, null, null, "地点不详", null, null, "不知道归谁管的问题", null))); // waits for classification

        login("operator");
        navigate("");
        assertThat(figure("work-registeredToday")).isEqualTo(String.valueOf(before.registeredToday() + 2));
        assertThat(figure("work-toClassify")).isEqualTo(String.valueOf(before.toClassify() + 1));
        assertThat(_find(QueuePanel.class)).isEmpty(); // no city-wide counts under 我的待办
        Figure card = _get(Figure.class, spec -> spec.withId("work-registeredToday"));
        assertThat(card.link()).isEqualTo("cases?from=2023-02-14&to=2023-02-14");
        assertThat(_get(Figure.class, spec -> spec.withId("work-toClassify")).link())
                .isEqualTo("cases?status=REGISTERED");
        follow(card.link());
        _get(InboxView.class);
    }

    @Test
    void the_inspectors_home_shows_their_notices_due_this_week_with_a_link_to_them() {
        clock.set(LocalDateTime.of(2026, 12, 1, 9, 0)); // Tuesday
        RoundRow round = as("inspector", () -> inspections.createRound(new NewRound("首页测试：本周到期",
                java.time.LocalDate.of(2026, 12, 1), java.time.LocalDate.of(2026, 12, 31), "督导一组",
                java.util.Set.of("D05"), java.util.Set.of(PlaceType.MARKET), "首页测试市场")));
        as("inspector", () -> inspections.recordFinding(round.id(), new NewFinding("SR-01", PlaceType.MARKET, "D05",
                null, "武昌区首页测试市场", null, false), List.of()));
        NoticeRow notice = as("inspector", () -> notices.issueNotices(round.id())).get(0); // due Tue 12-08 17:30
        clock.set(LocalDateTime.of(2026, 12, 7, 9, 0)); // the Monday of the week it is due

        InspectorWork work = as("inspector", inspections::myWork);
        assertThat(work.dueThisWeek()).isPositive();
        assertThat(work.openRounds()).isPositive();
        login("inspector");
        navigate("");
        assertThat(figure("work-dueThisWeek")).isEqualTo(String.valueOf(work.dueThisWeek()));
        assertThat(figure("work-openRounds")).isEqualTo(String.valueOf(work.openRounds()));
        Figure due = _get(Figure.class, spec -> spec.withId("work-dueThisWeek"));
        assertThat(due.link()).isEqualTo("notices?due=week");
        follow(due.link());
        NoticesView list = _get(NoticesView.class);
        @SuppressWarnings("unchecked")
        Grid<NoticeRow> grid = _get(list, Grid.class);
        assertThat(grid.getListDataView().getItems().map(NoticeRow::id).toList()).contains(notice.id());
        assertThat(grid.getListDataView().getItems().count()).isEqualTo(work.dueThisWeek());
    }

    @Test
    void every_queue_card_of_a_clerk_is_a_link_to_the_filtered_inbox() {
        login("clerk.wuchang");
        navigate("");
        assertThat(_get(Figure.class, spec -> spec.withId("queue-toSign")).link()).isEqualTo("cases?status=DISPATCHED");
        assertThat(_get(Figure.class, spec -> spec.withId("queue-overdue")).link()).isEqualTo("cases?overdue=true");
        assertThat(_find(Figure.class)).allSatisfy(f -> assertThat(f.link()).isNotBlank());
    }

    /** What the browser does with the card's link: the route and its query. */
    private static void follow(String link) {
        int q = link.indexOf('?');
        com.vaadin.flow.component.UI.getCurrent().navigate(link.substring(0, q),
                com.vaadin.flow.router.QueryParameters.fromString(link.substring(q + 1)));
    }

    private static String figure(String id) {
        return _get(Figure.class, spec -> spec.withId(id)).value();
    }

    private static NewCase report() {
        return new NewCase(Channel.HOTLINE_12345, null, null, "张三", "13812345678", false, "D05", "S0501",
                "中华路 1 号", null, null, "沿街商户出店经营", "SR-04");
    }

    private <T> T as(String username, Supplier<T> action) {
        return RunAs.account(userDetails, username, action);
    }
}
