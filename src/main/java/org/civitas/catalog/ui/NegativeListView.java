package org.civitas.catalog.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
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
import java.util.function.Supplier;
import org.civitas.base.ui.Toasts;
import org.civitas.catalog.CatalogService;
import org.civitas.catalog.CategoryView;
import org.civitas.catalog.ItemFilter;
import org.civitas.catalog.ItemView;
import org.civitas.catalog.Responsibility;
import org.civitas.catalog.Urgency;
import org.civitas.catalog.VersionView;
import org.civitas.base.identity.AppRoles;
import com.vaadin.flow.spring.security.AuthenticationContext;

/**
 * The negative list by version: filter, read, edit an item, start next year's version. Supervisors open it too, to
 * keep each item's 别名/关键词 (DD050); everything else stays the administrator's.
 */
@Route("admin/negative-list")
@Menu(order = 91, title = "menu.negativeList", icon = "vaadin:list-ol")
@RolesAllowed({AppRoles.ADMIN, AppRoles.SUPERVISOR})
public class NegativeListView extends VerticalLayout implements HasDynamicTitle {

    private final CatalogService catalog;
    final ComboBox<VersionView> version = new ComboBox<>();
    final ComboBox<CategoryView> category = new ComboBox<>();
    final ComboBox<Urgency> urgency = new ComboBox<>();
    final ComboBox<Responsibility> responsibility = new ComboBox<>();
    final TextField text = new TextField();
    final Grid<ItemView> grid = new Grid<>();
    private final Span readOnly = new Span();

    private final boolean admin;

    public NegativeListView(CatalogService catalog, AuthenticationContext auth) {
        this.catalog = catalog;
        this.admin = auth.hasRole(AppRoles.ADMIN);
        setSizeFull();
        filters();
        Button newVersion = new Button(getTranslation("list.newVersion"), e -> openNewVersion());
        newVersion.setId("version-new");
        newVersion.setVisible(admin);
        HorizontalLayout bar = new HorizontalLayout(version, category, urgency, responsibility, text, newVersion);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        readOnly.setText(getTranslation("list.readOnly"));
        readOnly.getElement().getThemeList().add("badge contrast");
        columns();
        grid.setItems(query -> catalog.items(filter(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.addItemDoubleClickListener(e -> {
            if (admin) {
                open(e.getItem());
            } else {
                openKeywords(e.getItem());
            }
        });
        add(bar, readOnly, grid);
        expand(grid);
        showVersions(null);
    }

    private void filters() {
        version.setLabel(getTranslation("list.version"));
        version.setItemLabelGenerator(v -> Labels.version(this, v));
        version.setWidth("22rem");
        version.addValueChangeListener(e -> {
            readOnly.setVisible(e.getValue() != null && !e.getValue().editable());
            grid.getDataProvider().refreshAll();
        });
        category.setLabel(getTranslation("item.category"));
        category.setItems(catalog.categories());
        category.setItemLabelGenerator(c -> c.code() + " " + c.name());
        urgency.setLabel(getTranslation("item.urgency"));
        urgency.setItems(Urgency.values());
        urgency.setItemLabelGenerator(u -> Labels.of(this, u));
        responsibility.setLabel(getTranslation("item.responsibility"));
        responsibility.setItems(Responsibility.values());
        responsibility.setItemLabelGenerator(r -> Labels.of(this, r));
        for (ComboBox<?> box : List.of(category, urgency, responsibility)) {
            box.setClearButtonVisible(true);
            box.setPlaceholder(getTranslation("catalog.all"));
            box.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        }
        text.setLabel(getTranslation("action.search"));
        text.setPlaceholder(getTranslation("item.search"));
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
    }

    private void columns() {
        grid.addColumn(ItemView::code).setHeader(getTranslation("item.code")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ItemView::categoryName).setHeader(getTranslation("item.category")).setAutoWidth(true);
        grid.addColumn(ItemView::name).setHeader(getTranslation("item.name")).setAutoWidth(true);
        grid.addColumn(i -> Labels.of(this, i.urgency())).setHeader(getTranslation("item.urgency")).setAutoWidth(true);
        grid.addColumn(i -> Labels.limit(this, i)).setHeader(getTranslation("item.timeLimit")).setAutoWidth(true);
        // auto widths follow the first rows only: a longer text further down shows whole on hover
        grid.addColumn(i -> Labels.of(this, i.responsibility())).setTooltipGenerator(i -> Labels.of(this,
                i.responsibility())).setHeader(getTranslation("item.responsibility")).setAutoWidth(true);
        grid.addColumn(i -> i.leadUnitName() == null ? "" : i.leadUnitName())
                .setTooltipGenerator(i -> i.leadUnitName() == null ? "" : i.leadUnitName())
                .setHeader(getTranslation("item.leadUnit")).setAutoWidth(true);
        grid.addColumn(ItemView::legalBasis).setTooltipGenerator(ItemView::legalBasis)
                .setHeader(getTranslation("item.legalBasis")).setFlexGrow(1);
        grid.addComponentColumn(i -> {
            Button edit = new Button(getTranslation("action.edit"), e -> open(i));
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            edit.setVisible(admin);
            Button keywords = new Button(getTranslation("item.keywords"), e -> openKeywords(i));
            keywords.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return new HorizontalLayout(edit, keywords);
        }).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    }

    ItemFilter filter() {
        VersionView v = version.getValue();
        return new ItemFilter(v == null ? null : v.id(), category.isEmpty() ? null : category.getValue().code(),
                urgency.getValue(), responsibility.getValue(), text.getValue());
    }

    /** Reloads the versions and selects the given one, or the one in force. */
    private void showVersions(Long select) {
        List<VersionView> all = catalog.versions();
        version.setItems(all);
        all.stream().filter(v -> select == null ? v.status() == VersionView.Status.CURRENT : v.id() == select)
                .findFirst().or(() -> all.stream().findFirst()).ifPresent(version::setValue);
    }

    private void open(ItemView item) {
        boolean editable = version.getValue() == null || version.getValue().editable();
        ItemDialog dialog = new ItemDialog(item, catalog.leadUnits(), editable);
        dialog.addSaveListener(e -> {
            if (run(() -> catalog.updateItem(e.item().id(), e.item().version(), e.form()), "item.saved") != null) {
                dialog.close();
                grid.getDataProvider().refreshAll();
            }
        });
        dialog.open();
    }

    void openKeywords(ItemView item) {
        boolean editable = version.getValue() == null || version.getValue().editable();
        KeywordsDialog dialog = new KeywordsDialog(item, catalog.keywordsOfVersion(item.versionId()).get(item.code()),
                editable);
        dialog.addSaveListener(e -> {
            if (Toasts.attempt(() -> catalog.updateKeywords(e.item().id(), e.item().version(), e.keywords()),
                    getTranslation("item.keywords.saved")).isPresent()) {
                dialog.close();
                grid.getDataProvider().refreshAll();
            }
        });
        dialog.open();
    }

    private void openNewVersion() {
        NewVersionDialog dialog = new NewVersionDialog(catalog.versions().get(0).effectiveFrom());
        dialog.addCreateListener(e -> {
            VersionView created = run(() -> catalog.startNewVersion(e.label(), e.effectiveFrom()),
                    "list.versionCreated");
            if (created != null) {
                dialog.close();
                showVersions(created.id());
            }
        });
        dialog.open();
    }

    private <T> T run(Supplier<T> action, String successKey) {
        return Toasts.attempt(action, getTranslation(successKey)).orElse(null);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.negativeList");
    }
}
