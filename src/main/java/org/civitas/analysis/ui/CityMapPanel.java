package org.civitas.analysis.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.civitas.base.SharedJson;
import org.civitas.analysis.AnalysisFormat;
import org.civitas.analysis.CityFigures;
import org.civitas.analysis.CityMapService;
import org.civitas.analysis.Rates;
import org.civitas.base.ui.EChart;
import org.civitas.geo.CityMap;
import org.civitas.geo.MapImage;

/**
 * The city map where supervisors and leaders decide (docs/decisions/DD071-city-map.md): the districts and zones
 * coloured by a rate (on time or satisfaction, a switch), the period's cases as grid cells counted on the server,
 * a click on an area lists its streets' figures, a click on a cell opens the inbox on that area and period. The
 * shapes ship with the application (no tiles, no CDN).
 */
public class CityMapPanel extends Div {

    static final String MAP = "civitas-wuhan";

    enum Measure { ON_TIME, SATISFACTION }

    private final CityMapService service;
    private final LocalDate from;
    private final LocalDate to;
    final RadioButtonGroup<Measure> measure = new RadioButtonGroup<>();
    final EChart chart = new EChart();
    final Div drill = new Div();
    final CityFigures figures;

    public CityMapPanel(CityMapService service, LocalDate from, LocalDate to, String id) {
        this.service = service;
        this.from = from;
        this.to = to;
        setId(id);
        setWidthFull();
        figures = service.figures(from, to);
        measure.setItems(Measure.values());
        measure.setItemLabelGenerator(m -> getTranslation("map.measure." + m.name()));
        measure.setValue(Measure.ON_TIME);
        measure.setId(id + "-measure");
        measure.setAriaLabel(getTranslation("map.measure"));
        measure.addValueChangeListener(e -> chart.setOption(option()));
        H4 title = new H4(getTranslation("map.title"));
        title.addClassNames(LumoUtility.Margin.NONE);
        Span hint = new Span(getTranslation("map.hint"));
        hint.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        HorizontalLayout head = new HorizontalLayout(title, measure, hint);
        head.setAlignItems(FlexComponent.Alignment.CENTER);
        head.getStyle().set("flex-wrap", "wrap");
        chart.setId(id + "-chart");
        chart.setHeight("460px");
        chart.registerMap(MAP, CityMap.wuhan().browserGeoJson());
        chart.setOption(option());
        chart.addClickListener(this::clicked);
        drill.setId(id + "-streets");
        drill.setWidthFull();
        add(head, chart, drill);
    }

    private void clicked(EChart.Click click) {
        if ("map".equals(click.series())) {
            CityMap.wuhan().areas().stream().filter(a -> a.label().equals(click.name())).findFirst()
                    .ifPresent(a -> showStreets(a.code(), a.label()));
        } else if ("scatter".equals(click.series())) {
            try {
                JsonNode v = SharedJson.MAPPER.readTree(click.valueJson());
                if (v != null && v.isArray() && v.size() >= 2) {
                    openInbox(v.get(1).asDouble(), v.get(0).asDouble());
                }
            } catch (IOException ignored) {
                // not a cell's value: nothing to open
            }
        }
    }

    /** The inbox has no area filter: the cell's district (or zone) and the period stand for it. */
    void openInbox(double lat, double lng) {
        Optional<CityMap.Place> area = CityMap.wuhan().areaAt(lat, lng);
        Map<String, String> p = new LinkedHashMap<>();
        area.ifPresent(a -> p.put("district", a.code()));
        p.put("from", from.toString());
        p.put("to", to.toString());
        getUI().ifPresent(ui -> ui.navigate("cases", QueryParameters.simple(p)));
    }

    void showStreets(String districtCode, String label) {
        drill.removeAll();
        List<CityFigures.Area> streets = service.streets(districtCode, from, to);
        H4 h = new H4(getTranslation("map.streets.title", label));
        if (streets.isEmpty()) {
            drill.add(h, new Span(getTranslation("map.streets.none")));
            return;
        }
        Grid<CityFigures.Area> grid = new Grid<>();
        grid.addColumn(CityFigures.Area::name).setHeader(getTranslation("analysis.col.street")).setFlexGrow(2);
        grid.addColumn(a -> AnalysisFormat.count(a.rates().received())).setHeader(getTranslation("analysis.col.count"));
        grid.addColumn(a -> AnalysisFormat.percent(a.rates().onTimeRate()))
                .setHeader(getTranslation("map.measure.ON_TIME"));
        grid.addColumn(a -> AnalysisFormat.percent(a.rates().satisfactionRate()))
                .setHeader(getTranslation("map.measure.SATISFACTION"));
        grid.setItems(streets);
        grid.setAllRowsVisible(true);
        drill.add(h, grid);
    }

    ObjectNode option() {
        Function<Rates, Double> rate = measure.getValue() == Measure.SATISFACTION
                ? Rates::satisfactionRate : Rates::onTimeRate;
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.putObject("tooltip").put("trigger", "item");
        ObjectNode geo = o.putObject("geo");
        // opens on the urban districts, where most cases are; the outer ones are a drag or a scroll away
        geo.put("map", MAP).put("roam", true).put("zoom", 3);
        geo.putArray("center").add(114.31).add(30.57);
        geo.putObject("label").put("show", true).put("fontSize", 11).put("color", "#222")
                .put("textBorderColor", "#fff").put("textBorderWidth", 2);
        geo.putObject("itemStyle").put("areaColor", "#dddddd").put("borderColor", "#ffffff");
        geo.putObject("emphasis").putObject("label").put("show", true);

        ArrayNode visual = o.putArray("visualMap");
        ObjectNode rates = visual.addObject();
        rates.put("type", "piecewise").put("seriesIndex", 0).put("left", "left").put("bottom", 10)
                .put("text", "").put("itemWidth", 14);
        ArrayNode pieces = rates.putArray("pieces");
        // the PDF's classes and colours (MapImage), high first
        for (int i = MapImage.classes() - 1; i >= 0; i--) {
            ObjectNode piece = pieces.addObject().put("color", MapImage.hex(i)).put("label", MapImage.classLabel(i));
            if (i > 0) {
                piece.put("min", MapImage.BOUNDS[i - 1] * 100);
            }
            if (i < MapImage.BOUNDS.length) {
                piece.put("lt", MapImage.BOUNDS[i] * 100);
            }
        }
        long maxCell = figures.cells().stream().mapToLong(CityFigures.Cell::cases).max().orElse(1);
        ObjectNode heat = visual.addObject();
        heat.put("type", "continuous").put("seriesIndex", 1).put("dimension", 2).put("min", 1)
                .put("max", Math.max(2, maxCell)).put("right", 10).put("bottom", 10).put("calculable", false)
                .put("itemHeight", 100);
        heat.putArray("text").add(getTranslation("map.heat.many")).add(getTranslation("map.heat.few"));
        // sparse cells fade, so the districts' colours stay readable under them
        ObjectNode inRange = heat.putObject("inRange");
        inRange.putArray("color").add("#fff3b0").add("#f08c3a").add("#8e1b1b");
        inRange.putArray("opacity").add(0.25).add(1);

        ArrayNode series = o.putArray("series");
        ObjectNode areas = series.addObject();
        areas.put("type", "map").put("geoIndex", 0).put("name", getTranslation("map.measure." + measure.getValue()));
        areas.putObject("tooltip").put("formatter", getTranslation("map.area.tooltip"));
        ArrayNode data = areas.putArray("data");
        for (CityFigures.Area a : figures.areas()) {
            Double r = rate.apply(a.rates());
            Optional<CityMap.Place> place = CityMap.wuhan().place(a.code());
            if (r != null && place.isPresent()) {
                data.addObject().put("name", place.get().label()).put("value", Math.round(r * 1000) / 10.0);
            }
        }
        ObjectNode cells = series.addObject();
        cells.put("type", "scatter").put("coordinateSystem", "geo").put("name", getTranslation("map.heat"))
                .put("cursor", "pointer");
        cells.putObject("tooltip").put("formatter", getTranslation("map.cell.tooltip"));
        ArrayNode points = cells.putArray("data");
        for (CityFigures.Cell c : figures.cells()) {
            double size = 2 + 12 * Math.sqrt((double) c.cases() / maxCell);
            ObjectNode point = points.addObject();
            point.putArray("value").add(c.lng()).add(c.lat()).add(c.cases());
            point.put("symbolSize", Math.round(size));
        }
        return o;
    }
}
