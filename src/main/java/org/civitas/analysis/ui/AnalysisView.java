package org.civitas.analysis.ui;

import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import com.vaadin.flow.router.QueryParameters;
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
import org.civitas.cases.inbox.CaseFilter;
import org.civitas.analysis.AnalysisExports;
import org.civitas.analysis.RankedSpot;
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

    static final String HOT_SPOTS = "analysis-hotspots";

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

        content.add(hotSpotSection(a));
        content.add(section("analysis.section.districts", volumes(a.districts(), "analysis-districts", Volume::name)));
        content.add(section("analysis.section.streets", volumes(a.streets(), "analysis-streets", Volume::name)));
        content.add(section("analysis.section.categories", volumes(a.categories(), "analysis-categories", Volume::name)));
        content.add(section("analysis.section.items", volumes(a.items(), "analysis-items", Volume::name)));
        content.add(section("analysis.section.units", volumes(a.units(), "analysis-units", Volume::name)));
        content.add(section("analysis.section.channels", volumes(a.channels(), "analysis-channels",
                v -> getTranslation("Channel." + v.code()))));
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

    /**
     * 集中问题: the ranked hot spots with their figures and score, the 口径 under the title. The centre of a cell is a
     * column of its own and the grid's id is {@value #HOT_SPOTS}: the hook for a map of the spots beside it.
     */
    /**
     * The cases behind a hot spot in the inbox: its item, district and street in the half month, and the road as the
     * keyword (the inbox has no area filter, so a cell stands as its district and street).
     */
    static QueryParameters inboxOf(RankedSpot h, HalfMonth period) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("item", h.itemCode());
        p.put("district", h.districtCode());
        if (h.streetCode() != null) {
            p.put("street", h.streetCode());
        }
        p.put("from", period.first().toString());
        p.put("to", period.last().toString());
        if (!h.cell() && h.place() != null && !h.place().isBlank() && CaseFilter.validKeyword(h.place())) {
            p.put("keyword", h.place());
        }
        return QueryParameters.simple(p);
    }

    private Div hotSpotSection(Analysis a) {
        Grid<RankedSpot> grid = new Grid<>();
        grid.setId(HOT_SPOTS);
        grid.addColumn(h -> AnalysisExports.place(h, this::getTranslation)).setTooltipGenerator(h ->
                AnalysisExports.place(h, this::getTranslation)).setHeader(getTranslation("analysis.col.place"))
                .setFlexGrow(3).setWidth("16em");
        grid.addColumn(RankedSpot::itemName).setTooltipGenerator(RankedSpot::itemName)
                .setHeader(getTranslation("analysis.col.item")).setFlexGrow(2).setWidth("10em");
        grid.addColumn(RankedSpot::count).setHeader(getTranslation("analysis.col.count")).setAutoWidth(true);
        grid.addColumn(RankedSpot::repeatComplainants).setHeader(getTranslation("analysis.col.repeat"))
                .setAutoWidth(true);
        grid.addColumn(RankedSpot::dissatisfied).setHeader(getTranslation("analysis.col.dissatisfied"))
                .setAutoWidth(true);
        grid.addColumn(RankedSpot::overdue).setHeader(getTranslation("analysis.col.overdue")).setAutoWidth(true);
        grid.addColumn(RankedSpot::rising).setHeader(getTranslation("analysis.col.rising")).setAutoWidth(true);
        grid.addColumn(RankedSpot::score).setHeader(getTranslation("analysis.col.score")).setAutoWidth(true);
        grid.addColumn(h -> h.latitude() == null ? getTranslation("analysis.hotSpot.noCentre")
                        : String.format(Locale.ROOT, "%.5f, %.5f", h.latitude(), h.longitude()))
                .setHeader(getTranslation("analysis.col.centre")).setAutoWidth(true);
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_COMPACT);
        grid.setItems(a.hotSpots());
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("cases", inboxOf(e.getItem(),
                a.period()))));
        grid.setEmptyStateText(getTranslation("analysis.hotSpot.none"));
        grid.setAllRowsVisible(true);
        Div d = new Div(new H4(getTranslation("analysis.section.concerns")),
                new CountingBasis("analysis-hotspot-basis", "analysis.hotSpot.basis"), grid);
        d.setWidthFull();
        return d;
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
