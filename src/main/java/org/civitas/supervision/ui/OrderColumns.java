package org.civitas.supervision.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.civitas.base.ActorNames;
import org.civitas.supervision.OrderRow;
import org.civitas.supervision.OrderState;

/** The columns the order list and the case panel share. */
final class OrderColumns {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private OrderColumns() {
    }

    static void add(Grid<OrderRow> grid, Component c, ActorNames names) {
        grid.addColumn(r -> c.getTranslation(r.level().labelKey())).setHeader(c.getTranslation("supervision.level"))
                .setAutoWidth(true);
        // the free texts give way first at 1,366 px (a clerk's answer button must stay in view); hover shows them whole
        grid.addColumn(r -> reason(c, r)).setTooltipGenerator(r -> reason(c, r))
                .setHeader(c.getTranslation("supervision.reason")).setWidth("5em").setFlexGrow(1);
        grid.addColumn(r -> at(r.issuedAt())).setHeader(c.getTranslation("supervision.issuedAt")).setAutoWidth(true);
        grid.addColumn(r -> names.of(r.issuedBy(), c::getTranslation)).setHeader(c.getTranslation("supervision.issuedBy")).setAutoWidth(true);
        grid.addColumn(r -> at(r.dueAt())).setHeader(c.getTranslation("supervision.dueAt")).setAutoWidth(true);
        grid.addComponentColumn(r -> state(c, r)).setHeader(c.getTranslation("supervision.state")).setAutoWidth(true);
        grid.addColumn(r -> r.answer() == null ? "" : r.answer()).setTooltipGenerator(r -> r.answer() == null ? ""
                : r.answer()).setHeader(c.getTranslation("supervision.answer")).setWidth("5em").setFlexGrow(1);
    }

    /** Automatic orders store a translation key as their reason, so each user reads it in their language. */
    static String reason(Component c, OrderRow r) {
        return r.auto() ? c.getTranslation(r.reason()) : r.reason();
    }

    static String at(LocalDateTime t) {
        return t == null ? "" : AT.format(t);
    }

    private static Span state(Component c, OrderRow r) {
        Span badge = new Span(c.getTranslation(r.state().labelKey()));
        badge.getElement().getThemeList().add(r.state() == OrderState.OPEN ? "badge error"
                : r.state() == OrderState.ANSWERED ? "badge success" : "badge contrast");
        return badge;
    }
}
