package org.civitas.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The administrator's negative list in a real browser: all 100 items of the list in force reach the grid.
 *
 * <p>How the items are counted: the view's grid is lazy with no count query (a {@code Slice}), so Flow gives the
 * {@code vaadin-grid} an estimated {@code size} (200) until a fetch comes back short; then {@code size} is exact. The
 * test scrolls to the end until {@code size} stops changing, then walks the grid from the top and reads the code in
 * the first cell of every rendered row (the cell's {@code <slot>} in the grid's shadow DOM → its assigned
 * {@code vaadin-grid-cell-content}, by row {@code index}). It compares those codes with the codes in
 * {@code reference/negative-list.csv}: the real rows, not a counter.
 */
class NegativeListBrowserTest extends BrowserTest {

    private static final List<String> CSV_CODES = new ArrayList<>();

    /** Rendered, loaded rows of a vaadin-grid: [index, text of the first cell]. */
    private static final String RENDERED_ROWS = """
            const grid = arguments[0];
            return [...grid.shadowRoot.querySelectorAll('#items tr')]
                .filter(tr => !tr.hidden && !tr.hasAttribute('loading') && Number.isInteger(tr.index)
                              && tr.index < grid.size)
                .map(tr => {
                    const slot = tr.querySelector('td slot');
                    const content = slot && slot.assignedElements()[0];
                    return [tr.index, content ? content.textContent.trim() : ''];
                });
            """;

    private static final String HEADERS = """
            return [...arguments[0].shadowRoot.querySelectorAll('#header tr th slot')]
                .map(slot => slot.assignedElements()[0])
                .map(content => content ? content.textContent.trim() : '');
            """;

    @BeforeAll
    static void readListCodes() throws IOException {
        try (Reader in = new InputStreamReader(
                NegativeListBrowserTest.class.getResourceAsStream("/reference/negative-list.csv"),
                StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                CSV_CODES.add(r.get("code"));
            }
        }
        assertThat(CSV_CODES).hasSize(100).doesNotHaveDuplicates();
    }

    @Test
    void the_administrator_sees_all_100_items_of_the_list_in_force() {
        login("admin");
        open("admin/negative-list");
        waitUntil(d -> d.getTitle().equals("负面清单"));
        WebElement grid = waitForGridLoaded();

        assertThat(gridSize(grid)).as("vaadin-grid size after scrolling to the end").isEqualTo(100);
        Map<Long, String> codes = codesByRow(grid);
        assertThat(codes.keySet()).as("row indexes").containsExactlyElementsOf(
                java.util.stream.LongStream.range(0, 100).boxed().toList());
        assertThat(codes.values()).as("codes in the grid").containsExactlyInAnyOrderElementsOf(CSV_CODES);

        @SuppressWarnings("unchecked")
        List<String> headers = (List<String>) js(HEADERS, grid);
        assertThat(headers).startsWith("编号", "类别", "名称", "紧急程度", "处置时限", "责任方式", "牵头单位", "法律依据");
        assertThat(driver().findElement(By.cssSelector("#main-nav vaadin-side-nav-item[current]")).getText())
                .isEqualTo("负面清单");
        assertNoMissingTranslations();

        js("arguments[0].scrollToIndex(0)", grid);
        waitForGridIdle(grid);
        screenshot("negative-list");
    }

    @Test
    void the_search_field_narrows_the_grid_to_the_matching_item() {
        login("admin");
        open("admin/negative-list");
        WebElement grid = waitForGridLoaded();
        WebElement search = waitForVisible(By.cssSelector("vaadin-text-field input[placeholder='按编号、名称或描述查询']"));
        search.sendKeys("飞线充电");
        waitUntil(d -> gridSize(grid) == 1);
        waitForGridIdle(grid);
        assertThat(codesByRow(grid)).containsExactly(Map.entry(0L, "XQ-03"));
        assertThat(driver().findElement(By.tagName("vaadin-grid")).getText()).contains("飞线充电");
    }

    /** Waits for the grid, then scrolls to its end until Flow has told it the exact number of rows. */
    private WebElement waitForGridLoaded() {
        WebElement grid = waitForVisible(By.tagName("vaadin-grid"));
        waitForGridIdle(grid);
        long[] last = {-1};
        waitUntil(d -> {
            js("arguments[0].scrollToIndex(arguments[0].size - 1)", grid);
            waitForGridIdle(grid);
            long size = gridSize(grid);
            boolean stable = size == last[0];
            last[0] = size;
            return stable;
        });
        return grid;
    }

    private void waitForGridIdle(WebElement grid) {
        waitForVaadin();
        waitUntil(d -> Boolean.FALSE.equals(js("return !!arguments[0].loading", grid)));
        waitForVaadin();
    }

    private long gridSize(WebElement grid) {
        return ((Number) js("return arguments[0].size", grid)).longValue();
    }

    /** Walks the grid from the top: the code of every row by its index. */
    private Map<Long, String> codesByRow(WebElement grid) {
        Map<Long, String> codes = new TreeMap<>();
        long size = gridSize(grid);
        long next = 0;
        while (next < size) {
            js("arguments[0].scrollToIndex(arguments[1])", grid, next);
            waitForGridIdle(grid);
            @SuppressWarnings("unchecked")
            List<List<Object>> rows = (List<List<Object>>) js(RENDERED_ROWS, grid);
            for (List<Object> row : rows) {
                codes.put(((Number) row.get(0)).longValue(), (String) row.get(1));
            }
            long before = next;
            while (codes.containsKey(next)) {
                next++;
            }
            assertThat(next).as("rows rendered after scrolling to %d", before).isGreaterThan(before);
        }
        return codes;
    }
}
