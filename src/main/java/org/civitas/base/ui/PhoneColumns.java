package org.civitas.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.shared.Registration;
import java.util.List;

/**
 * Leaves a grid's secondary columns out on a phone-width screen (at most {@value #PHONE_MAX_WIDTH} px, the theme's
 * breakpoint) and brings them back when the window grows: a column cannot be hidden by CSS. The width is read from the
 * browser each time the view is attached and on every resize, so a desktop never loses a column.
 */
public final class PhoneColumns {

    public static final int PHONE_MAX_WIDTH = 600;

    private PhoneColumns() {
    }

    /** Hides {@code columns} of any grid in {@code view} while the window is phone-wide. */
    public static void hideOnPhone(Component view, List<? extends Grid.Column<?>> columns) {
        Registration[] resize = new Registration[1];
        view.addAttachListener(attach -> {
            var page = attach.getUI().getPage();
            page.executeJs("return window.innerWidth").then(Integer.class, width -> show(columns, width));
            resize[0] = page.addBrowserWindowResizeListener(e -> show(columns, e.getWidth()));
        });
        view.addDetachListener(detach -> {
            if (resize[0] != null) {
                resize[0].remove();
                resize[0] = null;
            }
        });
    }

    /** The columns of {@code grid} at these positions (in the order they were added). */
    public static <T> List<Grid.Column<T>> at(Grid<T> grid, int... indexes) {
        List<Grid.Column<T>> all = grid.getColumns();
        return java.util.Arrays.stream(indexes).mapToObj(all::get).toList();
    }

    private static void show(List<? extends Grid.Column<?>> columns, int width) {
        boolean wide = width > PHONE_MAX_WIDTH;
        columns.forEach(c -> c.setVisible(wide));
    }
}
