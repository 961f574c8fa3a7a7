package org.civitas.scoring.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import org.civitas.scoring.ScoringFixtures;
import org.civitas.scoring.UnitYear;
import org.civitas.test.KaribuTest;
import org.civitas.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The scoring rules editor and the annual assessment, as a supervisor and a leader use them. */
class ScoringViewsTest extends KaribuTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_supervisor_saves_a_rules_version_and_a_bad_one_is_refused() {
        clock.set(LocalDateTime.of(2040, 6, 1, 9, 0));
        login("supervisor");
        UI.getCurrent().navigate("scoring/rules");
        ScoringRulesView view = _get(ScoringRulesView.class);
        view.from.setValue(YearMonth.of(2040, 7));
        view.minCases.setValue(12);
        view.weightSign.setValue(25); // 25 + 30 + 40 + 20 = 115
        view.save();
        assertThat(count("2040-07-01")).isZero();
        view.weightSign.setValue(10);
        view.perReturn.setValue(new BigDecimal("1.50"));
        view.save();
        assertThat(jdbc.queryForObject("select min_cases from scoring_rule_set where effective_month = '2040-07-01'",
                Integer.class)).isEqualTo(12);
        assertThat(GridKt._get(view.grid, 0).from()).isEqualTo(YearMonth.of(2040, 7));
    }

    @Test
    void a_leader_compares_units_over_the_year() {
        ScoringFixtures fx = new ScoringFixtures(jdbc);
        for (int i = 0; i < 5; i++) {
            fx.aCase("E03", LocalDateTime.of(2032, 1, 9, 9, 0)).repliedOnTime("SATISFIED", true).insert();
            fx.aCase("E03", LocalDateTime.of(2032, 2, 9, 9, 0))
                    .repliedOnTime(i < 2 ? "SATISFIED" : "DISSATISFIED", true).insert();
        }
        clock.set(LocalDateTime.of(2032, 3, 5, 9, 0));
        login("leader");
        UI.getCurrent().navigate("assessment");
        AssessmentView view = _get(AssessmentView.class);
        UnitYear e03 = null;
        for (int i = 0; i < GridKt._size(view.grid); i++) {
            if (GridKt._get(view.grid, i).unitCode().equals("E03")) {
                e03 = GridKt._get(view.grid, i);
            }
        }
        assertThat(e03).isNotNull();
        // January 100; February 10 + 30 + 40 × 2/5 + 20 = 76; both months average 88
        assertThat(e03.months().get(0)).isEqualByComparingTo("100.00");
        assertThat(e03.months().get(1)).isEqualByComparingTo("76.00");
        assertThat(e03.biMonths().get(0)).isEqualByComparingTo("88.00");
        assertThat(e03.annual()).isEqualByComparingTo("88.00");
        assertThat(e03.rank()).isEqualTo(1);
    }

    @Test
    void the_assessment_shows_two_month_columns_or_half_a_year_of_months_so_it_fits_a_laptop() {
        login("leader");
        UI.getCurrent().navigate("assessment");
        AssessmentView view = _get(AssessmentView.class);
        assertThat(visibleHeaders(view)).contains("1-2月", "11-12月").doesNotContain("1月", "12月");
        view.monthly.setValue(AssessmentView.Columns.FIRST_HALF);
        assertThat(visibleHeaders(view)).contains("1月", "6月").doesNotContain("7月", "1-2月");
        view.monthly.setValue(AssessmentView.Columns.SECOND_HALF);
        assertThat(visibleHeaders(view)).contains("7月", "12月").doesNotContain("6月", "11-12月");
    }

    private static java.util.List<String> visibleHeaders(AssessmentView view) {
        return view.grid.getColumns().stream().filter(com.vaadin.flow.component.grid.Grid.Column::isVisible)
                .map(c -> c.getHeaderText()).toList();
    }

    private int count(String month) {
        return jdbc.queryForObject("select count(*) from scoring_rule_set where effective_month = ?", Integer.class,
                month);
    }
}
