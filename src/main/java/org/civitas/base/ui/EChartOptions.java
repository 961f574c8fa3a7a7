package org.civitas.base.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * Builds ECharts option objects (https://echarts.apache.org/en/option.html) in Java, so views pass data, not script
 * text. Labels come in already translated; Jackson escapes them.
 */
public final class EChartOptions {


    /** One named series of numbers along the categories of the axis. */
    public record Series(String name, List<? extends Number> values) {
    }

    /** One slice of a pie. */
    public record Slice(String name, Number value) {
    }

    private EChartOptions() {
    }

    /** Vertical bars, one per category. */
    public static ObjectNode bar(String title, List<String> categories, String seriesName,
                                 List<? extends Number> values) {
        return axisChart(title, categories, List.of(new Series(seriesName, values)), "bar", false);
    }

    /** Horizontal bars with the first category on top: for long names such as list items. */
    public static ObjectNode horizontalBar(String title, List<String> categories, String seriesName,
                                           List<? extends Number> values) {
        return axisChart(title, categories, List.of(new Series(seriesName, values)), "bar", true);
    }

    /** A trend: one line per series over the categories (e.g. days). */
    public static ObjectNode line(String title, List<String> categories, List<Series> series) {
        return axisChart(title, categories, series, "line", false);
    }

    public static ObjectNode pie(String title, String seriesName, List<Slice> slices) {
        ObjectNode o = base(title);
        o.putObject("tooltip").put("trigger", "item").put("formatter", "{b}: {c} ({d}%)");
        o.putObject("legend").put("type", "scroll").put("bottom", 0);
        ObjectNode s = o.putArray("series").addObject();
        s.put("name", seriesName).put("type", "pie");
        s.putArray("radius").add("35%").add("65%");
        ArrayNode data = s.putArray("data");
        for (Slice slice : slices) {
            ObjectNode d = data.addObject().put("name", slice.name());
            d.set("value", number(slice.value()));
        }
        return o;
    }

    private static ObjectNode axisChart(String title, List<String> categories, List<Series> series, String type,
                                        boolean horizontal) {
        ObjectNode o = base(title);
        o.putObject("tooltip").put("trigger", "axis");
        if (series.size() > 1) {
            o.putObject("legend").put("bottom", 0);
        }
        o.putObject("grid").put("left", 8).put("right", 24).put("top", 48).put("bottom", series.size() > 1 ? 32 : 8)
                .put("containLabel", true);
        ObjectNode categoryAxis = o.putObject(horizontal ? "yAxis" : "xAxis").put("type", "category");
        ArrayNode data = categoryAxis.putArray("data");
        categories.forEach(data::add);
        if (horizontal) {
            categoryAxis.put("inverse", true);
        }
        o.putObject(horizontal ? "xAxis" : "yAxis").put("type", "value").put("minInterval", 1);
        ArrayNode all = o.putArray("series");
        for (Series s : series) {
            ObjectNode node = all.addObject().put("name", s.name()).put("type", type);
            ArrayNode values = node.putArray("data");
            s.values().forEach(v -> values.add(number(v)));
            if ("line".equals(type)) {
                node.put("smooth", true);
            }
        }
        return o;
    }

    private static JsonNode number(Number n) {
        if (n == null) {
            return JsonNodeFactory.instance.nullNode(); // a gap in the line
        }
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return JsonNodeFactory.instance.numberNode(n.longValue());
        }
        if (n instanceof BigDecimal d) {
            return JsonNodeFactory.instance.numberNode(d);
        }
        return JsonNodeFactory.instance.numberNode(n.doubleValue());
    }

    private static ObjectNode base(String title) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (title != null && !title.isBlank()) {
            o.putObject("title").put("text", title).put("left", "center")
                    .putObject("textStyle").put("fontSize", 14);
        }
        return o;
    }
}
