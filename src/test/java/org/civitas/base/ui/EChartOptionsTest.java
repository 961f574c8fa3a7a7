package org.civitas.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.civitas.base.ui.EChartOptions.Series;
import org.civitas.base.ui.EChartOptions.Slice;
import org.junit.jupiter.api.Test;

class EChartOptionsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void a_bar_chart_has_the_categories_on_the_x_axis_and_one_bar_series() throws Exception {
        JsonNode o = json.readTree(EChartOptions.bar("高发问题", List.of("暴露垃圾", "占道经营"), "工单数",
                List.of(12, 7)).toString());
        assertThat(o.at("/title/text").asText()).isEqualTo("高发问题");
        assertThat(o.at("/xAxis/type").asText()).isEqualTo("category");
        assertThat(o.at("/xAxis/data/1").asText()).isEqualTo("占道经营");
        assertThat(o.at("/series/0/type").asText()).isEqualTo("bar");
        assertThat(o.at("/series/0/name").asText()).isEqualTo("工单数");
        assertThat(o.at("/series/0/data").toString()).isEqualTo("[12,7]");
    }

    @Test
    void a_horizontal_bar_chart_lists_the_first_category_on_top() throws Exception {
        JsonNode o = json.readTree(EChartOptions.horizontalBar(null, List.of("a", "b"), "n", List.of(2L, 1L))
                .toString());
        assertThat(o.has("title")).isFalse();
        assertThat(o.at("/yAxis/type").asText()).isEqualTo("category");
        assertThat(o.at("/yAxis/inverse").asBoolean()).isTrue();
        assertThat(o.at("/xAxis/type").asText()).isEqualTo("value");
    }

    @Test
    void a_trend_has_one_line_per_series_and_a_legend() throws Exception {
        JsonNode o = json.readTree(EChartOptions.line("近 30 天", List.of("06-01", "06-02"),
                List.of(new Series("受理", List.of(3, 4)), new Series("办结", List.of(1.5, 0)))).toString());
        assertThat(o.at("/series")).hasSize(2);
        assertThat(o.at("/series/0/type").asText()).isEqualTo("line");
        assertThat(o.at("/series/1/name").asText()).isEqualTo("办结");
        assertThat(o.at("/series/1/data").toString()).isEqualTo("[1.5,0]");
        assertThat(o.has("legend")).isTrue();
    }

    @Test
    void a_pie_has_named_slices_and_labels_are_escaped() throws Exception {
        String text = EChartOptions.pie("渠道 \"本月\"", "工单数",
                List.of(new Slice("12345热线", 30), new Slice("微信</script>", 5))).toString();
        JsonNode o = json.readTree(text);
        assertThat(o.at("/title/text").asText()).isEqualTo("渠道 \"本月\"");
        assertThat(o.at("/series/0/type").asText()).isEqualTo("pie");
        assertThat(o.at("/series/0/data/0/name").asText()).isEqualTo("12345热线");
        assertThat(o.at("/series/0/data/1/value").asLong()).isEqualTo(5);
    }
}
