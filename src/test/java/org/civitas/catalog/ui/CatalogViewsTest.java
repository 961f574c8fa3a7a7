package org.civitas.catalog.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.util.ArrayList;
import java.util.List;
import org.civitas.catalog.ItemView;
import org.civitas.catalog.Responsibility;
import org.civitas.catalog.UnitKind;
import org.civitas.catalog.UnitView;
import org.civitas.test.KaribuTest;
import org.junit.jupiter.api.Test;

/** The admin views of the catalog, browserless, as the demo administrator, in Chinese. */
class CatalogViewsTest extends KaribuTest {

    @Test
    void the_administrator_sees_the_hundred_items_of_the_list_in_force() {
        login("admin");
        navigate("admin/negative-list");
        NegativeListView view = _get(NegativeListView.class);

        assertThat(_size(view.grid)).isEqualTo(100);
        ItemView first = _get(view.grid, 0);
        assertThat(first.code()).isEqualTo("SR-01");
        assertThat(Labels.limit(view, first)).isEqualTo("4 个工作小时");
        assertThat(Labels.of(view, first.urgency())).isEqualTo("非应急类");
    }

    @Test
    void the_item_filters_narrow_the_grid() {
        login("admin");
        navigate("admin/negative-list");
        NegativeListView view = _get(NegativeListView.class);

        view.responsibility.setValue(Responsibility.DEPARTMENT);
        view.text.setValue("SR-");
        int n = _size(view.grid);
        for (int i = 0; i < n; i++) {
            assertThat(_get(view.grid, i).responsibility()).isEqualTo(Responsibility.DEPARTMENT);
            assertThat(_get(view.grid, i).code()).startsWith("SR-");
        }
    }

    @Test
    void an_invalid_item_form_raises_no_save_event() {
        login("admin");
        navigate("admin/negative-list");
        NegativeListView view = _get(NegativeListView.class);
        ItemView item = _get(view.grid, 0);
        ItemDialog dialog = new ItemDialog(item, List.of(), true);
        List<ItemDialog.SaveEvent> saved = new ArrayList<>();
        dialog.addSaveListener(saved::add);

        dialog.timeLimit.setValue(0);
        dialog.save.click();
        assertThat(saved).isEmpty();
        assertThat(dialog.timeLimit.isInvalid()).isTrue();
        assertThat(dialog.timeLimit.getErrorMessage()).isEqualTo("须为大于 0 的整数。");

        dialog.timeLimit.setValue(6);
        dialog.save.click();
        assertThat(saved).singleElement().satisfies(e -> {
            assertThat(e.form().timeLimit()).isEqualTo(6);
            assertThat(e.item()).isEqualTo(item);
        });
    }

    @Test
    void the_administrator_sees_the_units_and_a_districts_streets() {
        login("admin");
        navigate("admin/units");
        UnitsView view = _get(UnitsView.class);

        view.kind.setValue(UnitKind.DISTRICT);
        assertThat(_size(view.grid)).isGreaterThanOrEqualTo(16);
        UnitView d01 = _get(view.grid, 0);
        assertThat(d01.code()).isEqualTo("D01");
        view.grid.select(d01);
        assertThat(_size(view.streets)).isPositive();
        assertThat(_get(view.streets, 0).parentCode()).isEqualTo("D01");
    }

    @Test
    void a_unit_clerk_cannot_open_the_catalog_administration() {
        login("clerk.wuchang");
        navigate("admin/negative-list");
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
                .noneMatch(NegativeListView.class::isInstance);
        navigate("admin/units");
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
                .noneMatch(UnitsView.class::isInstance);
    }
}
