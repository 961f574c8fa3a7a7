package org.civitas.analysis.ui;

import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import org.civitas.analysis.Analysis;
import org.civitas.base.ui.CountingBasis;
import org.civitas.analysis.AnalysisFormat;
import org.civitas.analysis.AnalysisService;
import org.civitas.analysis.CaseDailyBackfill;
import org.civitas.analysis.CityMapService;
import org.civitas.analysis.HalfMonth;
import org.civitas.analysis.HotSpot;
import org.civitas.analysis.Rates;
import org.civitas.analysis.Volume;
import org.civitas.base.ui.EChart;
import org.civitas.base.ui.EChartOptions;
import org.civitas.base.identity.AppRoles;

/**
 * 半月分析: a period picker (month + first/second half), the rates against the previous half month, the city map
 * ({@link CityMapPanel}), charts and grids per section, and the PDF and Excel downloads (audited by the service).
 */
@Route("analysis")
@Menu(order = 25, title = "menu.analysis", icon = "vaadin:chart")
@RolesAllowed({AppRoles.SUPERVISOR, AppRoles.LEADER})
public class AnalysisView extends VerticalLayout implements HasDynamicTitle {

    private final AnalysisService service;
    private final CityMapService cityMap;
    final ComboBox<YearMonth> month = new ComboBox<>();
    final Select<Boolean> half = new Select<>();
    final Div content = new Div();
    /** Read by the download requests, which run outside the session lock. */
    private volatile HalfMonth period;
    Analysis shown;

    public AnalysisView(AnalysisService service, CityMapService cityMap) {
        this.service = service;
        this.cityMap = cityMap;
        setWidthFull();
        period = service.current().previous();
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            months.add(service.current().month().minusMonths(i));
        }
        month.setLabel(getTranslation("analysis.period"));
        month.setItems(months);
        month.setValue(period.month());
        month.setId("analysis-month");
        half.setItems(false, true);
        half.setItemLabelGenerator(b -> getTranslation(b ? "analysis.period.second" : "analysis.period.first"));
        half.setValue(period.second());
        half.setId("analysis-half");
        half.setWidth("13em");
        month.addValueChangeListener(e -> pick());
        half.addValueChangeListener(e -> pick());

        Anchor pdf = download("analysis-pdf", "analysis.download.pdf", VaadinIcon.FILE_TEXT, this::pdf);
        Anchor excel = download("analysis-excel", "analysis.download.excel", VaadinIcon.TABLE, this::excel);
        HorizontalLayout bar = new HorizontalLayout(month, half, pdf, excel);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        content.setWidthFull();
        add(new H2(getTranslation("analysis.title")), bar, content);
        show();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("analysis.title");
    }

    private void pick() {
        if (month.getValue() != null && half.getValue() != null) {
            period = new HalfMonth(month.getValue(), half.getValue());
            show();
        }
    }

    private Anchor download(String id, String key, VaadinIcon icon, DownloadHandler handler) {
        Anchor a = new Anchor(handler, AttachmentType.DOWNLOAD, "");
        a.add(new Button(getTranslation(key), icon.create()));
        a.setId(id);
        return a;
    }

    private void pdf(DownloadEvent event) throws IOException {
        Locale locale = event.getUI() == null ? Locale.SIMPLIFIED_CHINESE : event.getUI().getLocale();
        HalfMonth p = period;
        byte[] bytes = service.pdf(p, locale);
        event.setFileName(getTranslation(locale, "analysis.fileName", p.code()) + ".pdf");
        event.setContentType("application/pdf");
        event.getOutputStream().write(bytes);
    }

    private void excel(DownloadEvent event) throws IOException {
        Locale locale = event.getUI() == null ? Locale.SIMPLIFIED_CHINESE : event.getUI().getLocale();
        HalfMonth p = period;
        byte[] bytes = service.excel(p, locale);
        event.setFileName(getTranslation(locale, "analysis.fileName", p.code()) + ".xlsx");
        event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        event.getOutputStream().write(bytes);
    }

    void show() {
        shown = service.analyse(period);
        content.removeAll();
        Analysis a = shown;
        content.add(new H4(getTranslation("analysis.period.label", a.period().first(), a.period().last())),
                new CountingBasis("analysis-basis", "analysis.basis"));
        CaseDailyBackfill.Progress rebuild = service.rebuild();
        if (rebuild.underWay()) {
            Span notice = new Span(rebuild.total() > 0
                    ? getTranslation("analysis.rebuilding.progress", rebuild.done(), rebuild.total())
                    : getTranslation("analysis.rebuilding"));
            notice.getElement().getThemeList().add("badge contrast");
            notice.setId("analysis-rebuilding");
            content.add(notice);
        }
        content.add(rates(a));

        content.add(new CityMapPanel(cityMap, a.period().first(), a.period().last(), "analysis-map"));

        Div charts = new Div(
                chart("analysis-chart-items", EChartOptions.horizontalBar(getTranslation("analysis.section.items"),
                        a.items().stream().limit(10).map(Volume::name).toList(),
                        getTranslation("analysis.col.count"),
                        a.items().stream().limit(10).map(Volume::count).toList())),
                chart("analysis-chart-channels", EChartOptions.pie(getTranslation("analysis.section.channels"),
                        getTranslation("analysis.col.count"), a.channels().stream()
                                .map(v -> new EChartOptions.Slice(getTranslation("Channel." + v.code()), v.count()))
                                .toList())),
                chart("analysis-chart-categories", EChartOptions.bar(getTranslation("analysis.section.categories"),
                        a.categories().stream().map(Volume::name).toList(), getTranslation("analysis.col.count"),
                        a.categories().stream().map(Volume::count).toList())));
        charts.addClassNames(LumoUtility.Display.GRID, LumoUtility.Gap.MEDIUM);
        charts.getStyle().set("grid-template-columns", "repeat(auto-fit, minmax(26em, 1fr))");
        charts.setWidthFull();
        content.add(charts);

        content.add(section("analysis.section.concerns", hotSpots(a.concerns(), false, "analysis-concerns")));
        content.add(section("analysis.section.districts", volumes(a.districts(), "analysis-districts", Volume::name)));
        content.add(section("analysis.section.streets", volumes(a.streets(), "analysis-streets", Volume::name)));
        content.add(section("analysis.section.categories", volumes(a.categories(), "analysis-categories", Volume::name)));
        content.add(section("analysis.section.items", volumes(a.items(), "analysis-items", Volume::name)));
        content.add(section("analysis.section.units", volumes(a.units(), "analysis-units", Volume::name)));
        content.add(section("analysis.section.channels", volumes(a.channels(), "analysis-channels",
                v -> getTranslation("Channel." + v.code()))));
        content.add(section("analysis.section.addresses", hotSpots(a.addressHotSpots(), true, "analysis-addresses")));
    }

    record RateLine(String label, String current, String previous) {
    }

    private Grid<RateLine> rates(Analysis a) {
        Rates r = a.rates(), p = a.previousRates();
        Grid<RateLine> grid = new Grid<>();
        grid.setId("analysis-rates");
        grid.addColumn(RateLine::label).setHeader(getTranslation("analysis.col.indicator"));
        grid.addColumn(RateLine::current).setHeader(getTranslation("analysis.col.current"));
        grid.addColumn(RateLine::previous).setHeader(getTranslation("analysis.col.previous"));
        grid.setItems(List.of(
                new RateLine(getTranslation("analysis.count.received"), AnalysisFormat.count(r.received()), AnalysisFormat.count(p.received())),
                new RateLine(getTranslation("analysis.rate.sign"), AnalysisFormat.percent(r.signRate()), AnalysisFormat.percent(p.signRate())),
                new RateLine(getTranslation("analysis.rate.onTime"), AnalysisFormat.percent(r.onTimeRate()), AnalysisFormat.percent(p.onTimeRate())),
                new RateLine(getTranslation("analysis.rate.satisfaction"), AnalysisFormat.percent(r.satisfactionRate()), AnalysisFormat.percent(p.satisfactionRate())),
                new RateLine(getTranslation("analysis.rate.solved"), AnalysisFormat.percent(r.solvedRate()), AnalysisFormat.percent(p.solvedRate()))));
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Grid<Volume> volumes(List<Volume> rows, String id, Function<Volume, String> name) {
        Grid<Volume> grid = new Grid<>();
        grid.setId(id);
        grid.addColumn(v -> v.code().isEmpty() ? getTranslation("analysis.none") : name.apply(v))
                .setHeader(getTranslation("analysis.col.name")).setFlexGrow(3);
        grid.addColumn(v -> AnalysisFormat.count(v.count())).setHeader(getTranslation("analysis.col.count"));
        grid.addColumn(v -> AnalysisFormat.count(v.previous())).setHeader(getTranslation("analysis.col.previousCount"));
        grid.addColumn(v -> AnalysisFormat.change(v.change())).setHeader(getTranslation("analysis.col.change"));
        grid.setItems(rows);
        grid.setAllRowsVisible(rows.size() <= 20);
        return grid;
    }

    private Grid<HotSpot> hotSpots(List<HotSpot> rows, boolean address, String id) {
        Grid<HotSpot> grid = new Grid<>();
        grid.setId(id);
        grid.addColumn(HotSpot::districtName).setHeader(getTranslation("analysis.col.district"));
        grid.addColumn(HotSpot::streetName).setHeader(getTranslation("analysis.col.street"));
        grid.addColumn(h -> address ? h.place() : h.itemName())
                .setHeader(getTranslation(address ? "analysis.col.address" : "analysis.col.item")).setFlexGrow(2);
        grid.addColumn(HotSpot::count).setHeader(getTranslation("analysis.col.count"));
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Div section(String key, com.vaadin.flow.component.Component body) {
        Div d = new Div(new H4(getTranslation(key)), body);
        d.setWidthFull();
        return d;
    }

    private static EChart chart(String id, ObjectNode option) {
        EChart chart = new EChart(option);
        chart.setId(id);
        return chart;
    }
}
