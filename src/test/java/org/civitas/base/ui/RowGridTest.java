package org.civitas.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.internal.JsonUtils;
import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import elemental.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The grid's rows reach the browser as Vaadin's own conversion would send them, without the detour through text. */
class RowGridTest {

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void rows_convert_to_the_tree_vaadins_conversion_gives() {
        JsonObject row = Json.createObject();
        row.put("key", "101");
        row.put("col0", "WM2026112446896");
        row.put("address", "汉正街139号\"公交站\"旁\\\n\t\u0001\u00ad\u2028");
        JsonObject tooltips = Json.createObject();
        tooltips.put("col4", "路面塌陷坑洼");
        row.put("gridtooltips", tooltips);
        row.put("whole", 12.0);
        row.put("negativeZero", -0.0);
        row.put("half", 0.5);
        row.put("large", 1e7);
        row.put("belowLarge", 9_999_999.0);
        row.put("huge", 3e12);
        row.put("tiny", 1e-9);
        row.put("nan", Double.NaN);
        row.put("infinite", Double.NEGATIVE_INFINITY);
        row.put("yes", true);
        row.put("nothing", Json.createNull());
        row.put("123", "a numeric key");
        JsonArray list = Json.createArray();
        list.set(0, 1);
        list.set(1, "二");
        list.set(2, Json.createObject());
        row.put("list", list);
        assertSame(List.of(row, Json.createObject()));
    }

    @Test
    void random_rows_convert_to_the_tree_vaadins_conversion_gives() {
        Random random = new Random(20261129);
        for (int i = 0; i < 2000; i++) {
            List<JsonValue> rows = new ArrayList<>();
            for (int r = random.nextInt(5); r >= 0; r--) {
                rows.add(randomValue(random, 0));
            }
            assertSame(rows);
        }
    }

    @Test
    void a_page_of_rows_goes_to_the_connector_as_one_jackson_array_as_vaadins_grid_sends_it() {
        MockVaadin.setup();
        // one renderer for both grids: its property names carry its random id
        LitRenderer<String> length = LitRenderer.<String>of("<b>${item.n}</b>").withProperty("n", String::length);
        Grid<String> vaadins = grid(new Grid<>(), length);
        RowGrid<String> ours = grid(new RowGrid<>(), length);
        for (int start : new int[] {0, 50, 1000, 60}) {
            vaadins.getDataCommunicator().setViewportRange(start, 50);
            ours.getDataCommunicator().setViewportRange(start, 50);
            UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
            var sent = UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                    .filter(js -> js.getInvocation().getExpression().contains("$connector.set("))
                    .map(js -> js.getInvocation().getParameters())
                    .toList();
            assertThat(sent).hasSize(2);
            List<Object> expected = sent.get(0), actual = sent.get(1);
            assertThat(expected.get(0)).isEqualTo(vaadins.getElement());
            assertThat(actual.get(0)).isEqualTo(ours.getElement());
            assertThat(actual.get(1)).isEqualTo(expected.get(1));
            ArrayNode rows = (ArrayNode) actual.get(2);
            assertThat((JsonNode) rows).isEqualTo(JacksonUtils.mapElemental((JsonArray) expected.get(2)));
            assertThat(rows).isNotEmpty();
            assertThat(rows.get(0).get("col0").asText()).matches("工单\\d+ 号");
        }
    }

    private static <G extends Grid<String>> G grid(G grid, LitRenderer<String> length) {
        grid.addColumn(s -> s + " 号").setHeader("名称");
        grid.addColumn(length);
        grid.setItems(IntStream.range(0, 2000).mapToObj(i -> "工单" + i).toList());
        UI.getCurrent().add(grid);
        return grid;
    }

    private static void assertSame(List<JsonValue> rows) {
        JsonArray array = rows.stream().collect(JsonUtils.asArray());
        ArrayNode vaadin = JacksonUtils.mapElemental(array);
        ArrayNode ours = RowGrid.rows(rows);
        assertThat((JsonNode) ours).isEqualTo(vaadin);
        assertThat(ours.toString()).hasSameSizeAs(vaadin.toString());
    }

    private static JsonValue randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 2 ? 4 : 6);
        return switch (kind) {
            case 0 -> Json.create(randomText(random));
            case 1 -> Json.create(switch (random.nextInt(4)) {
                case 0 -> random.nextInt(20_000_000) - 10_000_000;
                case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(30) - 15);
                case 2 -> (double) random.nextLong();
                default -> random.nextInt(100);
            });
            case 2 -> Json.create(random.nextBoolean());
            case 3 -> Json.createNull();
            case 4 -> {
                JsonObject o = Json.createObject();
                for (int k = random.nextInt(6); k > 0; k--) {
                    // no empty key: elemental writes its value without the key (Vaadin's rows have none)
                    o.put(random.nextInt(4) == 0 ? Integer.toString(random.nextInt(30)) : "k" + randomText(random),
                            randomValue(random, depth + 1));
                }
                yield o;
            }
            default -> {
                JsonArray a = Json.createArray();
                for (int k = random.nextInt(4); k > 0; k--) {
                    a.set(a.length(), randomValue(random, depth + 1));
                }
                yield a;
            }
        };
    }

    private static String randomText(Random random) {
        String alphabet = "ab1 \"\\/\n\t\u0000\u001f\u007f\u00ad\u2028汉正街号路";
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
