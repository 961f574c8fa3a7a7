package org.civitas.catalog.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.civitas.base.ui.Toasts;
import org.civitas.catalog.CatalogService;
import org.civitas.catalog.PeerGroup;
import org.civitas.catalog.UnitFilter;
import org.civitas.catalog.UnitKind;
import org.civitas.catalog.UnitView;
import org.civitas.base.identity.AppRoles;

/** Districts, streets, departments and enterprises; select a district to see its streets below. */
@Route("admin/units")
@Menu(order = 92, title = "menu.units", icon = "vaadin:office")
@RolesAllowed(AppRoles.ADMIN)
public class UnitsView extends VerticalLayout implements HasDynamicTitle {

    private final CatalogService catalog;
    final ComboBox<UnitKind> kind = new ComboBox<>();
    final ComboBox<PeerGroup> peerGroup = new ComboBox<>();
    final ComboBox<UnitView> district = new ComboBox<>();
    final TextField text = new TextField();
    final Grid<UnitView> grid = new Grid<>();
    final Grid<UnitView> streets = new Grid<>();
    private final H4 streetsTitle = new H4();
    private Map<String, String> districtNames = Map.of();

    public UnitsView(CatalogService catalog) {
        this.catalog = catalog;
        setSizeFull();
        filters();
        Button add = new Button(getTranslation("unit.new"), e -> open(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("unit-new");
        HorizontalLayout bar = new HorizontalLayout(kind, peerGroup, district, text, add);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        columns(grid, true);
        grid.setItems(query -> catalog.units(filter(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.addItemDoubleClickListener(e -> open(e.getItem()));
        grid.asSingleSelect().addValueChangeListener(e -> showStreets(e.getValue()));
        columns(streets, false);
        streets.setHeight("14rem");
        add(bar, grid, streetsTitle, streets);
        expand(grid);
        loadDistricts();
        showStreets(null);
    }

    private void filters() {
        kind.setLabel(getTranslation("unit.kind"));
        kind.setItems(UnitKind.values());
        kind.setItemLabelGenerator(k -> Labels.of(this, k));
        peerGroup.setLabel(getTranslation("unit.peerGroup"));
        peerGroup.setItems(PeerGroup.values());
        peerGroup.setItemLabelGenerator(g -> Labels.of(this, g));
        district.setLabel(getTranslation("unit.parent"));
        district.setItemLabelGenerator(d -> d.code() + " " + d.name());
        for (ComboBox<?> box : List.of(kind, peerGroup, district)) {
            box.setClearButtonVisible(true);
            box.setPlaceholder(getTranslation("catalog.all"));
            box.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        }
        text.setLabel(getTranslation("action.search"));
        text.setPlaceholder(getTranslation("unit.search"));
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
    }

    private void columns(Grid<UnitView> g, boolean withPlacement) {
        g.addColumn(UnitView::code).setHeader(getTranslation("unit.code")).setAutoWidth(true).setFlexGrow(0);
        g.addColumn(UnitView::name).setTooltipGenerator(UnitView::name).setHeader(getTranslation("unit.name"))
                .setFlexGrow(1);
        if (withPlacement) {
            g.addColumn(u -> Labels.of(this, u.kind())).setHeader(getTranslation("unit.kind")).setAutoWidth(true);
            g.addColumn(u -> Labels.of(this, u.peerGroup())).setHeader(getTranslation("unit.peerGroup"))
                    .setAutoWidth(true);
            g.addColumn(u -> u.parentCode() == null ? "" : districtNames.getOrDefault(u.parentCode(), u.parentCode()))
                    .setHeader(getTranslation("unit.parent")).setAutoWidth(true);
        }
        g.addComponentColumn(this::state).setHeader(getTranslation("unit.active")).setAutoWidth(true);
        g.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        g.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    }

    UnitFilter filter() {
        return new UnitFilter(kind.getValue(), peerGroup.getValue(),
                district.isEmpty() ? null : district.getValue().code(), text.getValue());
    }

    private Span state(UnitView u) {
        Span badge = new Span(getTranslation(u.active() ? "unit.state.active" : "unit.state.inactive"));
        badge.getElement().getThemeList().add(u.active() ? "badge success" : "badge contrast");
        return badge;
    }

    private HorizontalLayout actions(UnitView u) {
        Button edit = new Button(getTranslation("action.edit"), e -> open(u));
        Button toggle = u.active()
                ? new Button(getTranslation("unit.deactivate"), e -> confirmDeactivate(u))
                : new Button(getTranslation("unit.reactivate"),
                        e -> run(() -> catalog.reactivate(u.code(), u.version()), "unit.reactivated"));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        if (u.active()) {
            toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        return new HorizontalLayout(edit, toggle);
    }

    private void confirmDeactivate(UnitView u) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("unit.deactivate"));
        confirm.setText(getTranslation("unit.deactivate.confirm", u.name()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("unit.deactivate"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> run(() -> catalog.deactivate(u.code(), u.version()), "unit.deactivated"));
        confirm.open();
    }

    private void open(UnitView existing) {
        List<UnitView> activeDistricts = catalog.districts().stream().filter(UnitView::active).toList();
        UnitDialog dialog = new UnitDialog(existing, activeDistricts);
        dialog.addSaveListener(e -> {
            UnitView saved = run(() -> e.existing() == null ? catalog.createUnit(e.form())
                    : catalog.updateUnit(e.existing().code(), e.existing().version(), e.form()), "unit.saved");
            if (saved != null) {
                dialog.close();
            }
        });
        dialog.open();
    }

    private void loadDistricts() {
        List<UnitView> all = catalog.districts();
        districtNames = all.stream().collect(Collectors.toMap(UnitView::code, UnitView::name));
        UnitView selected = district.getValue();
        district.setItems(all);
        if (selected != null) {
            all.stream().filter(d -> d.code().equals(selected.code())).findFirst().ifPresent(district::setValue);
        }
    }

    private void showStreets(UnitView selected) {
        boolean isDistrict = selected != null && selected.kind() == UnitKind.DISTRICT;
        streetsTitle.setText(isDistrict ? getTranslation("unit.streets") + " · " + selected.name()
                : getTranslation("unit.streets.none"));
        streets.setItems(isDistrict ? catalog.streetsOf(selected.code()) : List.of());
    }

    private <T> T run(Supplier<T> action, String successKey) {
        return Toasts.attempt(action, getTranslation(successKey)).map(result -> {
            loadDistricts();
            grid.getDataProvider().refreshAll();
            showStreets(grid.asSingleSelect().getValue());
            return result;
        }).orElse(null);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.units");
    }
}
