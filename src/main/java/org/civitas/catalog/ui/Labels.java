package org.civitas.catalog.ui;

import com.vaadin.flow.component.Component;
import org.civitas.calendar.LimitUnit;
import org.civitas.catalog.ItemView;
import org.civitas.catalog.VersionView;

/** Translated labels of the catalog's enums and values; enum labels are keyed {@code Type.CONSTANT}. */
final class Labels {

    private Labels() {
    }

    static String of(Component c, Enum<?> value) {
        return value == null ? "" : c.getTranslation(value.getDeclaringClass().getSimpleName() + "." + value.name());
    }

    static String timeUnit(Component c, LimitUnit unit) {
        return unit == null ? "" : c.getTranslation("item.timeUnit." + unit.name());
    }

    /** The limit with its unit in words, e.g. two hours or one working day. */
    static String limit(Component c, ItemView item) {
        return c.getTranslation("item.limit." + item.timeUnit().name(), item.timeLimit());
    }

    static String version(Component c, VersionView v) {
        return v == null ? "" : c.getTranslation("list.versionLabel", v.label(), v.effectiveFrom().toString(),
                c.getTranslation("list.status." + v.status().name()));
    }
}
