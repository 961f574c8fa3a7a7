package org.civitas.analysis;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.vaadin.flow.i18n.I18NProvider;
import org.civitas.base.report.ExcelWorkbook;
import org.civitas.base.report.ExcelWorkbook.Column;
import org.civitas.base.report.ReportRenderer;
import org.civitas.geo.CityMap;
import org.civitas.geo.MapImage;
import org.springframework.stereotype.Component;

/**
 * Writes an {@link Analysis} as PDF (template {@code reports/half-month-analysis.jrxml}: the district map, then one
 * table per section, every cell a formatted string) and as an Excel workbook (a sheet per section, numbers and
 * percents as numbers).
 * Texts come from the translations, so the Chinese export has Chinese headings.
 */
@Component
public class AnalysisExports {

    static final String TEMPLATE = "half-month-analysis";

    /** The map's size in the PDF (points, the template's image element) drawn at twice that in pixels. */
    static final int MAP_WIDTH = 535;
    static final int MAP_HEIGHT = 330;

    private final ReportRenderer renderer;
    private final I18NProvider i18n;
    private final AreaRates areaRates;

    AnalysisExports(ReportRenderer renderer, I18NProvider i18n, AreaRates areaRates) {
        this.renderer = renderer;
        this.i18n = i18n;
        this.areaRates = areaRates;
    }

    /** The districts and zones coloured by their on-time rate in the period, drawn in Java2D (no browser). */
    BufferedImage map(HalfMonth period, Locale locale) {
        Map<String, Double> onTime = new HashMap<>();
        areaRates.of("district_code", null, period.first(), period.last()).forEach((code, r) -> {
            if (r.onTimeRate() != null) {
                onTime.put(code, r.onTimeRate());
            }
        });
        return MapImage.choropleth(CityMap.wuhan(), onTime, i18n.getTranslation("report.analysis.map", locale),
                i18n.getTranslation("map.pdf.central", locale), i18n.getTranslation("map.pdf.noData", locale),
                MAP_WIDTH * 2, MAP_HEIGHT * 2);
    }

    /** One line of a PDF table; the headings repeat on every row of their section (the group header shows them). */
    public record Line(String section, String h1, String h2, String h3, String h4, String c1, String c2, String c3,
                       String c4) {
        public String getSection() { return section; }
        public String getH1() { return h1; }
        public String getH2() { return h2; }
        public String getH3() { return h3; }
        public String getH4() { return h4; }
        public String getC1() { return c1; }
        public String getC2() { return c2; }
        public String getC3() { return c3; }
        public String getC4() { return c4; }
    }

    byte[] pdf(Analysis a, Locale locale) {
        Function<String, String> t = key -> i18n.getTranslation(key, locale);
        List<Line> lines = new ArrayList<>();
        String rates = t.apply("analysis.section.rates");
        String h1 = t.apply("analysis.col.indicator"), h2 = t.apply("analysis.col.current"),
                h3 = t.apply("analysis.col.previous");
        for (RateRow r : rateRows(a, t)) {
            lines.add(new Line(rates, h1, h2, h3, "", r.label(), r.current(), r.previous(), ""));
        }
        for (Section s : sections(a)) {
            String title = t.apply(s.key());
            for (Volume v : s.volumes()) {
                lines.add(new Line(title, t.apply("analysis.col.name"), t.apply("analysis.col.count"),
                        t.apply("analysis.col.previousCount"), t.apply("analysis.col.change"),
                        name(s, v, t), String.valueOf(v.count()), String.valueOf(v.previous()),
                        AnalysisFormat.change(v.change())));
            }
        }
        String concerns = t.apply("analysis.section.concerns");
        for (RankedSpot h : a.hotSpots()) {
            lines.add(new Line(concerns, t.apply("analysis.col.place"), t.apply("analysis.col.item"),
                    t.apply("analysis.col.count"), t.apply("analysis.col.score"), place(h, t), h.itemName(),
                    String.valueOf(h.count()), String.valueOf(h.score())));
        }
        Map<String, Object> params = new HashMap<>();
        params.put("title", i18n.getTranslation("report.analysis.title", locale, a.period().first(),
                a.period().last()));
        params.put("map", map(a.period(), locale));
        params.put("subtitle", i18n.getTranslation("report.analysis.subtitle", locale, a.period().previous().first(),
                a.period().previous().last()));
        return renderer.pdf(TEMPLATE, params, lines);
    }

    /** District, street and place in one text, as the hot spot lists show it. */
    public static String place(RankedSpot h, Function<String, String> t) {
        String street = h.streetName().isEmpty() || h.streetName().startsWith(h.districtName()) ? h.streetName()
                : h.districtName() + h.streetName();
        String where = street.isEmpty() ? h.districtName() : street;
        return where + " " + h.place() + (h.cell() ? t.apply("analysis.hotSpot.cell") : "");
    }

    byte[] excel(Analysis a, Locale locale) {
        Function<String, String> t = key -> i18n.getTranslation(key, locale);
        try (ExcelWorkbook book = new ExcelWorkbook()) {
            ExcelWorkbook.SheetWriter rates = book.sheet(t.apply("analysis.section.rates"), List.of(
                    Column.text(t.apply("analysis.col.indicator")), Column.percent(t.apply("analysis.col.current")),
                    Column.percent(t.apply("analysis.col.previous"))));
            Rates r = a.rates(), p = a.previousRates();
            rates.row(t.apply("analysis.rate.sign"), r.signRate(), p.signRate());
            rates.row(t.apply("analysis.rate.onTime"), r.onTimeRate(), p.onTimeRate());
            rates.row(t.apply("analysis.rate.satisfaction"), r.satisfactionRate(), p.satisfactionRate());
            rates.row(t.apply("analysis.rate.solved"), r.solvedRate(), p.solvedRate());
            ExcelWorkbook.SheetWriter counts = book.sheet(t.apply("analysis.section.counts"), List.of(
                    Column.text(t.apply("analysis.col.indicator")), Column.integer(t.apply("analysis.col.current")),
                    Column.integer(t.apply("analysis.col.previous"))));
            counts.row(t.apply("analysis.count.received"), r.received(), p.received());
            counts.row(t.apply("analysis.count.replied"), r.replied(), p.replied());
            counts.row(t.apply("analysis.count.repliedOnTime"), r.repliedOnTime(), p.repliedOnTime());
            counts.row(t.apply("analysis.count.openOverdue"), r.openOverdue(), p.openOverdue());
            counts.row(t.apply("analysis.count.rated"), r.rated(), p.rated());
            counts.row(t.apply("analysis.count.satisfied"), r.satisfied(), p.satisfied());
            for (Section s : sections(a)) {
                ExcelWorkbook.SheetWriter sheet = book.sheet(t.apply(s.key()), List.of(
                        Column.text(t.apply("analysis.col.name")), Column.integer(t.apply("analysis.col.count")),
                        Column.integer(t.apply("analysis.col.previousCount")),
                        Column.percent(t.apply("analysis.col.change"))));
                String[] cats = new String[s.volumes().size()];
                Number[] values = new Number[s.volumes().size()];
                for (int i = 0; i < cats.length; i++) {
                    Volume v = s.volumes().get(i);
                    cats[i] = name(s, v, t);
                    values[i] = v.count();
                    sheet.row(cats[i], v.count(), v.previous(), v.change());
                }
                if (cats.length > 0) {
                    sheet.barChart(t.apply(s.key()), cats, values, 0, 1);
                }
            }
            ExcelWorkbook.SheetWriter spots = book.sheet(t.apply("analysis.section.concerns"), List.of(
                    Column.text(t.apply("analysis.col.district")), Column.text(t.apply("analysis.col.street")),
                    Column.text(t.apply("analysis.col.place")), Column.text(t.apply("analysis.col.item")),
                    Column.integer(t.apply("analysis.col.count")), Column.integer(t.apply("analysis.col.repeat")),
                    Column.integer(t.apply("analysis.col.dissatisfied")),
                    Column.integer(t.apply("analysis.col.overdue")), Column.integer(t.apply("analysis.col.rising")),
                    Column.integer(t.apply("analysis.col.score")), Column.text(t.apply("analysis.col.centre"))));
            for (RankedSpot h : a.hotSpots()) {
                spots.row(h.districtName(), h.streetName(), h.place(), h.itemName(), h.count(),
                        h.repeatComplainants(), h.dissatisfied(), h.overdue(), h.rising(), h.score(),
                        h.latitude() == null ? "" : h.latitude() + "," + h.longitude());
            }
            // the plain repeats of one address text, for whoever checks the ranking against the cases
            hotSpotSheet(book, t.apply("analysis.section.addresses"), a.addressHotSpots(), t, true);
            return book.toBytes();
        }
    }

    private static void hotSpotSheet(ExcelWorkbook book, String title, List<HotSpot> spots,
                                     Function<String, String> t, boolean address) {
        ExcelWorkbook.SheetWriter sheet = book.sheet(title, List.of(Column.text(t.apply("analysis.col.district")),
                Column.text(t.apply("analysis.col.street")),
                Column.text(t.apply(address ? "analysis.col.address" : "analysis.col.item")),
                Column.integer(t.apply("analysis.col.count"))));
        for (HotSpot h : spots) {
            sheet.row(h.districtName(), h.streetName(), address ? h.place() : h.itemName(), h.count());
        }
    }

    record Section(String key, List<Volume> volumes, boolean channel) {
    }

    record RateRow(String label, String current, String previous) {
    }

    static List<Section> sections(Analysis a) {
        return List.of(new Section("analysis.section.districts", a.districts(), false),
                new Section("analysis.section.streets", a.streets(), false),
                new Section("analysis.section.categories", a.categories(), false),
                new Section("analysis.section.items", a.items(), false),
                new Section("analysis.section.units", a.units(), false),
                new Section("analysis.section.channels", a.channels(), true));
    }

    static List<RateRow> rateRows(Analysis a, Function<String, String> t) {
        Rates r = a.rates(), p = a.previousRates();
        return List.of(
                new RateRow(t.apply("analysis.count.received"), String.valueOf(r.received()), String.valueOf(p.received())),
                new RateRow(t.apply("analysis.rate.sign"), AnalysisFormat.percent(r.signRate()), AnalysisFormat.percent(p.signRate())),
                new RateRow(t.apply("analysis.rate.onTime"), AnalysisFormat.percent(r.onTimeRate()), AnalysisFormat.percent(p.onTimeRate())),
                new RateRow(t.apply("analysis.rate.satisfaction"), AnalysisFormat.percent(r.satisfactionRate()), AnalysisFormat.percent(p.satisfactionRate())),
                new RateRow(t.apply("analysis.rate.solved"), AnalysisFormat.percent(r.solvedRate()), AnalysisFormat.percent(p.solvedRate())));
    }

    static String name(Section s, Volume v, Function<String, String> t) {
        if (s.channel()) {
            return t.apply("Channel." + v.code());
        }
        return v.code().isEmpty() ? t.apply("analysis.none") : v.name();
    }
}
