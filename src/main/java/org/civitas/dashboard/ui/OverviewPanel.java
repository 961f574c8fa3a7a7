package org.civitas.dashboard.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.civitas.base.ui.EChart;
import org.civitas.base.ui.CountingBasis;
import org.civitas.base.ui.EChartOptions;
import org.civitas.base.ui.EChartOptions.Series;
import org.civitas.base.ui.EChartOptions.Slice;
import org.civitas.dashboard.ChannelCount;
import org.civitas.dashboard.DayVolume;
import org.civitas.dashboard.ItemCount;
import org.civitas.dashboard.Overview;

/** The supervisor's and leader's figures: today and this month, on-time and satisfaction rates, and three charts. */
public class OverviewPanel extends VerticalLayout {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

    public OverviewPanel(Overview o) {
        setId("overview-panel");
        setPadding(false);
        Locale locale = getLocale();
        Figures kpis = new Figures("kpis");
        String month = "cases?from=" + o.month().atDay(1) + "&to=" + o.month().atEndOfMonth();
        kpis.add(new Figure("kpi-today", getTranslation("dashboard.kpi.today"), Figures.count(o.receivedToday(), locale))
                        .linkTo("cases?from=" + o.today() + "&to=" + o.today()),
                new Figure("kpi-month", getTranslation("dashboard.kpi.month"),
                        Figures.count(o.receivedThisMonth(), locale)).linkTo(month),
                new Figure("kpi-onTime", getTranslation("dashboard.kpi.onTime"), Figures.percent(o.onTime(), locale))
                        .detail(getTranslation("dashboard.kpi.onTime.detail", Figures.count(o.onTime().numerator(),
                                locale), Figures.count(o.onTime().denominator(), locale)))
                        .linkTo("analysis"),
                new Figure("kpi-satisfaction", getTranslation("dashboard.kpi.satisfaction"),
                        Figures.percent(o.satisfaction(), locale))
                        .detail(getTranslation("dashboard.kpi.satisfaction.detail",
                                Figures.count(o.satisfaction().numerator(), locale),
                                Figures.count(o.satisfaction().denominator(), locale)))
                        .linkTo("analysis"));

        EChart trend = chart("chart-trend", EChartOptions.line(getTranslation("dashboard.chart.trend"),
                o.trend().stream().map(d -> DAY.format(d.day())).toList(),
                List.of(new Series(getTranslation("dashboard.chart.received"),
                                o.trend().stream().map(DayVolume::received).toList()),
                        new Series(getTranslation("dashboard.chart.closed"),
                                o.trend().stream().map(DayVolume::closed).toList()))));
        EChart items = chart("chart-items", EChartOptions.horizontalBar(getTranslation("dashboard.chart.topItems"),
                o.topItems().stream().map(ItemCount::itemName).toList(), getTranslation("dashboard.chart.cases"),
                o.topItems().stream().map(ItemCount::count).toList()));
        EChart channels = chart("chart-channels", EChartOptions.pie(getTranslation("dashboard.chart.channels"),
                getTranslation("dashboard.chart.cases"), o.channels().stream()
                        .map(c -> new Slice(getTranslation("Channel." + c.channel().name()), c.count())).toList()));

        Div row = new Div(items, channels);
        row.addClassNames(LumoUtility.Display.GRID, LumoUtility.Gap.MEDIUM);
        row.getStyle().set("grid-template-columns", "repeat(auto-fit, minmax(22em, 1fr))");
        row.setWidthFull();
        add(new H3(getTranslation("dashboard.overview", o.month().toString())), kpis,
                new CountingBasis("overview-basis", "dashboard.basis"), trend, row);
    }

    private static EChart chart(String id, ObjectNode option) {
        EChart chart = new EChart(option);
        chart.setId(id);
        return chart;
    }
}
