package org.civitas.inspection.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.civitas.analysis.RankedSpot;
import org.civitas.base.RuleViolation;
import org.civitas.base.identity.AppRoles;
import org.civitas.base.ui.CountingBasis;
import org.civitas.base.ui.DatePickers;
import org.civitas.base.ui.Toasts;
import org.civitas.catalog.CatalogService;
import org.civitas.catalog.CategoryView;
import org.civitas.catalog.UnitView;
import org.civitas.inspection.InspectionPlanService;
import org.civitas.inspection.PlaceType;
import org.civitas.inspection.PlanRequest;
import org.civitas.inspection.PlanStop;
import org.civitas.inspection.Proposal;
import org.civitas.inspection.VisitOrder;

/**
 * 暗访计划: the inspector or supervisor picks a period, districts, categories and a number of stops; the hot spots
 * come back as stops in visiting order (docs/decisions/DD070), which they remove, move, add to or re-route; accepting
 * opens the round form, prefilled, and the round is created with the stops as its checkpoints.
 */
@Route("inspections/plan")
@RolesAllowed({AppRoles.INSPECTOR, AppRoles.SUPERVISOR})
public class PlanView extends VerticalLayout implements HasDynamicTitle {

    static final int DEFAULT_STOPS = 8;
    static final int DEFAULT_DAYS = 28;

    private final InspectionPlanService plans;
    private final CatalogService catalog;
    private final Clock clock;
    final DatePicker from = DatePickers.date();
    final DatePicker to = DatePickers.date();
    final MultiSelectComboBox<UnitView> districts = new MultiSelectComboBox<>();
    final MultiSelectComboBox<CategoryView> categories = new MultiSelectComboBox<>();
    final IntegerField stopCount = new IntegerField();
    final Button propose = new Button();
    final Grid<PlanStop> stops = new Grid<>();
    final ComboBox<PlanStop> more = new ComboBox<>();
    final Button add = new Button();
    final Button reroute = new Button();
    final Button accept = new Button();
    /** The plan as edited: the grid shows it in this order. */
    final List<PlanStop> plan = new ArrayList<>();
    private final List<PlanStop> candidates = new ArrayList<>();
    RoundDialog roundDialog;

    public PlanView(InspectionPlanService plans, CatalogService catalog, Clock clock) {
        this.plans = plans;
        this.catalog = catalog;
        this.clock = clock;
        setWidthFull();
        LocalDate today = LocalDate.now(clock);
        from.setLabel(getTranslation("plan.from"));
        from.setValue(today.minusDays(DEFAULT_DAYS - 1));
        to.setLabel(getTranslation("plan.to"));
        to.setValue(today);
        districts.setLabel(getTranslation("plan.districts"));
        districts.setItems(catalog.districts());
        districts.setItemLabelGenerator(UnitView::name);
        districts.setPlaceholder(getTranslation("plan.all"));
        categories.setLabel(getTranslation("plan.categories"));
        categories.setItems(catalog.categories());
        categories.setItemLabelGenerator(CategoryView::name);
        categories.setPlaceholder(getTranslation("plan.all"));
        stopCount.setLabel(getTranslation("plan.stops"));
        stopCount.setMin(1);
        stopCount.setMax(30);
        stopCount.setStepButtonsVisible(true);
        stopCount.setValue(DEFAULT_STOPS);
        stopCount.setWidth("8em");
        propose.setText(getTranslation("plan.propose"));
        propose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        propose.setId("plan-propose");
        propose.addClickListener(e -> propose());
        HorizontalLayout filters = new HorizontalLayout(from, to, districts, categories, stopCount, propose);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        more.setLabel(getTranslation("plan.more"));
        more.setItemLabelGenerator(s -> label(s.spot()) + " · " + s.spot().itemName() + " · "
                + getTranslation("plan.scoreShort", s.spot().score()));
        more.setWidth("30em");
        add.setText(getTranslation("plan.add"));
        add.setIcon(VaadinIcon.PLUS.create());
        add.addClickListener(e -> {
            if (more.getValue() != null) {
                PlanStop s = more.getValue();
                candidates.remove(s);
                plan.add(s);
                refresh();
            }
        });
        reroute.setText(getTranslation("plan.reroute"));
        reroute.setIcon(VaadinIcon.ROAD.create());
        reroute.addClickListener(e -> {
            List<PlanStop> ordered = VisitOrder.order(plan);
            plan.clear();
            plan.addAll(ordered);
            refresh();
        });
        accept.setText(getTranslation("plan.accept"));
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        accept.setId("plan-accept");
        accept.addClickListener(e -> openRoundDialog());
        HorizontalLayout edit = new HorizontalLayout(more, add, reroute, accept);
        edit.setAlignItems(FlexComponent.Alignment.BASELINE);
        edit.setWrap(true);

        add(new H2(getTranslation("plan.title")), filters,
                new CountingBasis("plan-basis", "plan.basis"), stopGrid(), edit);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("plan.title");
    }

    void propose() {
        Set<String> d = districts.getValue().stream().map(UnitView::code).collect(Collectors.toSet());
        Set<String> c = categories.getValue().stream().map(CategoryView::code).collect(Collectors.toSet());
        int n = stopCount.getValue() == null ? 0 : stopCount.getValue();
        try {
            show(plans.propose(new PlanRequest(from.getValue(), to.getValue(), d, c, n)));
        } catch (RuleViolation v) {
            Toasts.refused(v);
        }
    }

    private void show(Proposal p) {
        plan.clear();
        plan.addAll(p.stops());
        candidates.clear();
        candidates.addAll(p.more());
        refresh();
    }

    void refresh() {
        stops.setItems(new ArrayList<>(plan));
        more.setItems(new ArrayList<>(candidates));
        more.clear();
        boolean any = !plan.isEmpty();
        accept.setEnabled(any);
        reroute.setEnabled(any);
        add.setEnabled(!candidates.isEmpty());
        more.setEnabled(!candidates.isEmpty());
    }

    void move(PlanStop s, int by) {
        int i = plan.indexOf(s), j = i + by;
        if (i >= 0 && j >= 0 && j < plan.size()) {
            plan.set(i, plan.get(j));
            plan.set(j, s);
            refresh();
        }
    }

    void remove(PlanStop s) {
        plan.remove(s);
        candidates.add(0, s);
        refresh();
    }

    private Grid<PlanStop> stopGrid() {
        stops.setId("plan-stops");
        stops.addColumn(s -> plan.indexOf(s) + 1).setHeader(getTranslation("plan.col.seq")).setWidth("4em")
                .setFlexGrow(0);
        stops.addColumn(s -> label(s.spot())).setTooltipGenerator(s -> label(s.spot()))
                .setHeader(getTranslation("plan.col.place")).setWidth("10em").setFlexGrow(3);
        stops.addColumn(s -> s.spot().itemName()).setTooltipGenerator(s -> s.spot().itemName())
                .setHeader(getTranslation("plan.col.item")).setWidth("8em").setFlexGrow(2);
        stops.addColumn(s -> s.spot().count()).setHeader(getTranslation("analysis.col.count")).setWidth("4.5em")
                .setFlexGrow(0);
        stops.addColumn(s -> s.spot().repeatComplainants()).setHeader(getTranslation("plan.col.repeat"))
                .setWidth("6.5em").setFlexGrow(0);
        stops.addColumn(s -> s.spot().dissatisfied()).setHeader(getTranslation("plan.col.dissatisfied"))
                .setWidth("4.5em").setFlexGrow(0);
        stops.addColumn(s -> s.spot().overdue()).setHeader(getTranslation("analysis.col.overdue"))
                .setWidth("4em").setFlexGrow(0);
        stops.addColumn(s -> s.spot().score()).setHeader(getTranslation("analysis.col.score")).setWidth("4em")
                .setFlexGrow(0);
        stops.addColumn(s -> s.pastNotices().isEmpty() ? getTranslation("plan.noNotices")
                        : String.join(getTranslation("list.separator"), s.pastNotices()))
                .setTooltipGenerator(s -> String.join(getTranslation("list.separator"), s.pastNotices()))
                .setHeader(getTranslation("plan.col.notices")).setWidth("8em").setFlexGrow(1);
        stops.addComponentColumn(this::actions).setHeader(getTranslation("plan.col.actions")).setWidth("7em")
                .setFlexGrow(0);
        // the figures are right-aligned, headers included: left-aligned, they stood left of their headers
        stops.getColumns().subList(3, 8).forEach(c -> c.setTextAlign(ColumnTextAlign.END));
        stops.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        stops.setEmptyStateText(getTranslation("plan.empty"));
        stops.setAllRowsVisible(true);
        return stops;
    }

    private Component actions(PlanStop s) {
        Button up = icon(VaadinIcon.ARROW_UP, "plan.up", () -> move(s, -1));
        Button down = icon(VaadinIcon.ARROW_DOWN, "plan.down", () -> move(s, 1));
        Button drop = icon(VaadinIcon.CLOSE_SMALL, "plan.remove", () -> remove(s));
        HorizontalLayout l = new HorizontalLayout(up, down, drop);
        l.setSpacing(false);
        return l;
    }

    private Button icon(VaadinIcon icon, String key, Runnable action) {
        Button b = new Button(icon.create(), e -> action.run());
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        b.setTooltipText(getTranslation(key));
        b.setAriaLabel(getTranslation(key));
        return b;
    }

    /** Street (or district) and place; a grid cell says it stands for about 200 m around the address. */
    String label(RankedSpot h) {
        String where = h.streetName().isEmpty() ? h.districtName() : h.streetName();
        return (where + " " + h.place()).strip() + (h.cell() ? getTranslation("analysis.hotSpot.cell") : "");
    }

    private void openRoundDialog() {
        List<PlanStop> accepted = List.copyOf(plan);
        roundDialog = new RoundDialog(catalog.districts(), form -> Toasts.attempt(() -> plans.accept(form,
                accepted), getTranslation("plan.accepted")).ifPresent(r -> {
                    roundDialog.close();
                    getUI().ifPresent(ui -> ui.navigate("inspections"));
                }));
        roundDialog.setHeaderTitle(getTranslation("plan.round"));
        LocalDate today = LocalDate.now(clock);
        roundDialog.title.setValue(getTranslation("plan.roundTitle", from.getValue(), to.getValue()));
        roundDialog.startsOn.setValue(today);
        roundDialog.endsOn.setValue(today);
        roundDialog.districts.setValue(accepted.stream().map(s -> s.spot().districtCode())
                .filter(d -> d != null).collect(Collectors.toCollection(TreeSet::new)));
        roundDialog.placeTypes.setValue(Set.of(PlaceType.BACK_STREET));
        StringBuilder places = new StringBuilder();
        for (int i = 0; i < accepted.size(); i++) {
            places.append(i + 1).append(". ").append(label(accepted.get(i).spot())).append(" · ")
                    .append(accepted.get(i).spot().itemName()).append('\n');
        }
        roundDialog.places.setValue(places.toString().strip());
        roundDialog.markClean();
        roundDialog.open();
    }
}
