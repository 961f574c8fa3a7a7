package org.civitas.scoring.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDateTime;
import org.civitas.catalog.PeerGroup;
import org.civitas.scoring.ScoringFixtures;
import org.civitas.test.KaribuTest;
import org.civitas.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A leader opens the rankings of July 2031 and drills from a unit's score to its deductions and their cases. */
class RankingsViewTest extends KaribuTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_leader_drills_from_a_unit_to_its_deductions_and_their_cases() {
        ScoringFixtures fx = new ScoringFixtures(jdbc);
        LocalDateTime july = LocalDateTime.of(2031, 7, 7, 9, 0);
        long ordered = 0;
        for (int i = 0; i < 5; i++) {
            ordered = fx.aCase("D16", july).repliedOnTime("SATISFIED", true).insert();
        }
        fx.order(ordered, "D16", "SUPERVISION", july.plusDays(1));
        clock.set(LocalDateTime.of(2031, 8, 3, 9, 0));

        login("leader");
        UI.getCurrent().navigate("rankings", QueryParameters.of("month", "2031-07"));
        RankingsView view = _get(RankingsView.class);
        assertThat(view.publish.isVisible()).isFalse(); // a leader reads, a supervisor publishes
        assertThat(view.pdf.getHref()).isNotBlank();
        assertThat(view.excel.getHref()).isNotBlank();
        ScoreGrid zones = view.grids.get(PeerGroup.FUNCTIONAL_ZONE);
        int row = -1;
        for (int i = 0; i < GridKt._size(zones); i++) {
            if (GridKt._get(zones, i).unitCode().equals("D16")) {
                row = i;
            }
        }
        assertThat(GridKt._get(zones, row).score()).isEqualByComparingTo("98.00");
        GridKt._clickItem(zones, row);

        assertThat(view.dialog.isOpened()).isTrue();
        assertThat(GridKt._size(view.dialog.grid)).isEqualTo(1);
        Anchor link = (Anchor) GridKt._getCellComponent(view.dialog.grid, 0, "reference");
        assertThat(link.getHref()).isEqualTo("cases/" + ordered);
    }

    @Test
    void publishing_asks_first_with_what_will_be_frozen_and_cancelling_publishes_nothing() {
        clock.set(LocalDateTime.of(2036, 4, 3, 9, 0));
        login("supervisor");
        UI.getCurrent().navigate("rankings", QueryParameters.of("month", "2036-03"));
        RankingsView view = _get(RankingsView.class);
        view.publish.click();
        assertThat(view.publishConfirm.isOpened()).isTrue();
        assertThat(view.publishConfirm.getElement().getProperty("header")).contains("2036-03");
        assertThat(view.publishConfirm.getElement().getProperty("message")).contains("冻结", "不能撤销");
        ConfirmDialogKt._fireCancel(view.publishConfirm);
        assertThat(jdbc.queryForObject("select count(*) from scoring_bulletin where month = '2036-03-01'",
                Integer.class)).isZero();
        assertThat(view.publish.isVisible()).isTrue();
    }

    @Test
    void a_supervisor_may_publish_and_a_clerk_cannot_open_the_rankings() {
        clock.set(LocalDateTime.of(2031, 8, 3, 9, 0));
        login("supervisor");
        UI.getCurrent().navigate("rankings", QueryParameters.of("month", "2031-06"));
        assertThat(_get(RankingsView.class).publish.isVisible()).isTrue();
        login("clerk.jiangan");
        navigate("rankings");
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
                .noneMatch(RankingsView.class::isInstance);
    }

    @Autowired org.civitas.scoring.ScoringService scoring;

    @Test
    void an_anonymous_visitor_sees_a_published_month_on_the_public_page() {
        java.time.YearMonth february = java.time.YearMonth.of(2031, 2);
        clock.set(LocalDateTime.of(2031, 3, 2, 9, 0));
        org.civitas.test.RunAs.user("supervisor", () -> {
            if (!scoring.publishedMonths().contains(february)) {
                scoring.publish(february);
            }
        }, "SUPERVISOR");
        navigate("public/stats");
        PublicStatsView view = _get(PublicStatsView.class);
        view.month.setValue(february);
        assertThat(view.stats.scores().month()).isEqualTo(february);
        assertThat(view.stats.scores().published()).isTrue();
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(ScoreGrid.class)).hasSize(PeerGroup.values().length);
    }

    @Test
    void the_public_statistics_open_without_login() {
        navigate("public/stats");
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
                .anyMatch(PublicStatsView.class::isInstance);
    }
}
