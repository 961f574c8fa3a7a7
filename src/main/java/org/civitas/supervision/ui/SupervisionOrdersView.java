package org.civitas.supervision.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.civitas.base.ActorNames;
import org.civitas.base.ui.DatePickers;
import org.civitas.catalog.CatalogService;
import org.civitas.catalog.UnitView;
import org.civitas.base.identity.AppRoles;
import org.civitas.base.identity.CurrentUser;
import org.civitas.supervision.OrderFilter;
import org.civitas.supervision.OrderRow;
import org.civitas.supervision.OrderState;
import org.civitas.supervision.SupervisionLevel;
import org.civitas.supervision.SupervisionService;

/**
 * 催办督办: every reminder and supervision order, newest first, with filters; a clerk sees and answers their unit's.
 * Opens filtered from the board ({@code supervision?unit=D05&state=OPEN}).
 */
@Route("supervision")
@Menu(order = 20, title = "menu.supervision", icon = "vaadin:gavel")
@RolesAllowed({AppRoles.SUPERVISOR, AppRoles.UNIT_CLERK, AppRoles.LEADER})
public class SupervisionOrdersView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final SupervisionService service;
    final ComboBox<OrderState> state = new ComboBox<>();
    final ComboBox<SupervisionLevel> level = new ComboBox<>();
    final TextField unit = new TextField();
    final Checkbox autoOnly = new Checkbox();
    final DatePicker from = DatePickers.date();
    final DatePicker to = DatePickers.date();
    final Grid<OrderRow> grid = new Grid<>();
    final OrderActions actions;
    /** offset in the grid → id of the row just before it: keyset positions of the pages loaded so far. */
    private final TreeMap<Integer, Long> positions = new TreeMap<>();

    public SupervisionOrdersView(SupervisionService service, CurrentUser user, ActorNames names,
                                 CatalogService catalog) {
        this.service = service;
        this.actions = new OrderActions(service, user, this, this::reload);
        setSizeFull();
        state.setLabel(getTranslation("supervision.state"));
        state.setItems(OrderState.values());
        state.setItemLabelGenerator(s -> getTranslation(s.labelKey()));
        level.setLabel(getTranslation("supervision.level"));
        level.setItems(SupervisionLevel.values());
        level.setItemLabelGenerator(l -> getTranslation(l.labelKey()));
        unit.setLabel(getTranslation("supervision.unit"));
        unit.setValueChangeMode(ValueChangeMode.LAZY);
        // a clerk is confined to their unit by the service; the field would only mislead
        unit.setVisible(!user.hasRole(AppRoles.UNIT_CLERK));
        autoOnly.setLabel(getTranslation("supervision.autoOnly"));
        from.setLabel(getTranslation("supervision.from"));
        to.setLabel(getTranslation("supervision.to"));
        state.addValueChangeListener(e -> reload());
        level.addValueChangeListener(e -> reload());
        unit.addValueChangeListener(e -> reload());
        autoOnly.addValueChangeListener(e -> reload());
        from.addValueChangeListener(e -> reload());
        to.addValueChangeListener(e -> reload());
        state.setClearButtonVisible(true);
        level.setClearButtonVisible(true);
        HorizontalLayout filters = new HorizontalLayout(state, level, unit, from, to, autoOnly);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        grid.addColumn(OrderRow::caseNumber).setHeader(getTranslation("supervision.case")).setAutoWidth(true);
        grid.addColumn(r -> catalog.unit(r.unitCode()).map(UnitView::name).orElse(r.unitCode()))
                .setHeader(getTranslation("supervision.unit")).setAutoWidth(true);
        OrderColumns.add(grid, this, names);
        grid.addComponentColumn(actions::buttons).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setItems(this::fetch);
        add(new H2(getTranslation("supervision.title")), filters, grid);
        expand(grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> p = event.getLocation().getQueryParameters().getParameters();
        first(p, "unit").ifPresent(unit::setValue);
        first(p, "state").flatMap(s -> parse(OrderState.class, s)).ifPresent(state::setValue);
        first(p, "level").flatMap(s -> parse(SupervisionLevel.class, s)).ifPresent(level::setValue);
        first(p, "auto").ifPresent(a -> autoOnly.setValue(Boolean.parseBoolean(a)));
    }

    OrderFilter filter() {
        return new OrderFilter(state.getValue() == null ? Set.of() : Set.of(state.getValue()),
                level.getValue() == null ? Set.of() : Set.of(level.getValue()), unit.getValue(),
                autoOnly.getValue() ? Boolean.TRUE : null, from.getValue(), to.getValue());
    }

    /** Vaadin asks by offset; the service pages by key. The nearest known key is the start, the rest is skipped. */
    private Stream<OrderRow> fetch(Query<OrderRow, Void> q) {
        int offset = q.getOffset();
        var start = positions.floorEntry(offset);
        int startOffset = start == null ? 0 : start.getKey();
        List<OrderRow> rows = service.page(filter(), start == null ? null : start.getValue(),
                offset - startOffset + q.getLimit());
        rows = rows.subList(Math.min(offset - startOffset, rows.size()), rows.size());
        if (!rows.isEmpty()) {
            positions.put(offset + rows.size(), rows.get(rows.size() - 1).id());
        }
        return rows.stream();
    }

    private void reload() {
        positions.clear();
        grid.getDataProvider().refreshAll();
    }

    private static Optional<String> first(Map<String, List<String>> p, String name) {
        return p.getOrDefault(name, List.of()).stream().filter(v -> !v.isBlank()).findFirst();
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        try {
            return Optional.of(Enum.valueOf(type, value.trim().toUpperCase()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("supervision.title");
    }
}
