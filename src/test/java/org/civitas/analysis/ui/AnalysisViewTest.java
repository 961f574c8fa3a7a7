package org.civitas.analysis.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import org.civitas.analysis.CaseDaily;
import org.civitas.analysis.RankedSpot;
import org.civitas.analysis.Volume;
import org.civitas.test.KaribuTest;
import org.civitas.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The screen shows the service's figures for the picked half month (May 2033, used by no other test). */
class AnalysisViewTest extends KaribuTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired CaseDaily daily;
    @Autowired MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void the_previous_half_month_opens_with_its_rates_grids_and_map() {
        clock.set(LocalDateTime.of(2033, 5, 20, 9, 0));
        jdbc.update("delete from case_file where created_by = 'analysis-view-test'");
        for (int i = 0; i < 3; i++) {
            jdbc.update("""
                    insert into case_file (number, channel, received_at, district_code, street_code, address,
                           description, item_code, category_code, lead_unit_code, status, replied_on_time, created_by)
                    values (?, 'WECHAT', ?, 'D05', null, '中北路8号', '测试', 'ZZ-98', 'ZZ', 'D05', 'REPLIED', ?,
                            'analysis-view-test')""", "AV2033" + i + System.nanoTime() % 100000,
                    LocalDateTime.of(2033, 5, 3 + i, 10, 0), i < 2);
        }
        daily.refresh(LocalDate.of(2033, 4, 16), LocalDate.of(2033, 5, 15));
        login("leader");
        navigate("analysis");
        AnalysisView view = _get(AnalysisView.class);
        assertThat(view.month.getValue()).isEqualTo(YearMonth.of(2033, 5));
        assertThat(view.half.getValue()).isFalse();

        Grid<?> rates = _get(Grid.class, spec -> spec.withId("analysis-rates"));
        assertThat(_getFormattedRow(rates, 0)).containsExactly("受理案件数", "3", "0");
        assertThat(_getFormattedRow(rates, 2)).containsExactly("按时办结率", "66.67%", "—");
        assertThat(view.shown.districts()).extracting(Volume::name).containsExactly("武昌区");
        Grid<?> districts = _get(Grid.class, spec -> spec.withId("analysis-districts"));
        assertThat(_getFormattedRow(districts, 0)).containsExactly("武昌区", "3", "0", "—");
        // the city map: 武昌区 coloured by its on-time rate (2 of 3), the switch to satisfaction
        CityMapPanel map = _get(CityMapPanel.class, spec -> spec.withId("analysis-map"));
        assertThat(map.chart.getOptionJson()).contains("\"map\":\"civitas-wuhan\"",
                "{\"name\":\"武昌区\",\"value\":66.7}");
        map.measure.setValue(CityMapPanel.Measure.SATISFACTION);
        assertThat(map.chart.getOptionJson()).doesNotContain("\"name\":\"武昌区\"");
        map.showStreets("D05", "武昌区");
        assertThat(map.drill.getChildren()).isNotEmpty();

        // 集中问题: the three cases of one item on one road are a hot spot; a click opens them in the inbox
        Grid<RankedSpot> spots = _get(Grid.class, spec -> spec.withId(AnalysisView.HOT_SPOTS));
        assertThat(spots.getGenericDataView().getItems().map(RankedSpot::count)).containsExactly(3L);
        _clickItem(spots, 0);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters())
                .isEqualTo("cases?item=ZZ-98&district=D05&from=2033-05-01&to=2033-05-15&keyword=%E4%B8%AD%E5%8C%97%E8%B7%AF");
        navigate("analysis");
        view = _get(AnalysisView.class);

        view.half.setValue(true); // the second half of May 2033 has none of these cases
        assertThat(_getFormattedRow(_get(Grid.class, spec -> spec.withId("analysis-rates")), 0))
                .containsExactly("受理案件数", "0", "3");
    }

    @Test
    void counts_are_written_with_thousands_separators_as_on_the_home_page() {
        assertThat(org.civitas.analysis.AnalysisFormat.count(2363)).isEqualTo("2,363");
        assertThat(org.civitas.analysis.AnalysisFormat.count(0)).isEqualTo("0");
    }
}
