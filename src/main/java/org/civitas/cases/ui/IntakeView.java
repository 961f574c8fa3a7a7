package org.civitas.cases.ui;

import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.civitas.base.RuleViolation;
import org.civitas.base.ui.Toasts;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.CaseService;
import org.civitas.cases.DuplicateFinder;
import org.civitas.catalog.CatalogService;
import org.civitas.catalog.UnitView;
import org.civitas.security.AppRoles;

/** 受理登记: the 12345 operator registers a call; with an item and a place the system dispatches it at once. */
@Route("cases/new")
@Menu(order = 5, title = "menu.intake", icon = "vaadin:phone")
@RolesAllowed({AppRoles.OPERATOR, AppRoles.SUPERVISOR})
public class IntakeView extends HorizontalLayout implements HasDynamicTitle {

    /** The window the service looks back for duplicates (DuplicateFinder.DUPLICATE_DAYS). */
    static final int DUPLICATE_DAYS = 7;

    private final CaseService cases;
    private final DuplicateFinder finder;
    private final CatalogService catalog;
    final IntakeForm form;
    final IntakeDuplicates duplicates = new IntakeDuplicates(DUPLICATE_DAYS);

    public IntakeView(CaseService cases, DuplicateFinder finder, CatalogService catalog, Clock clock) {
        this.cases = cases;
        this.finder = finder;
        this.catalog = catalog;
        long version = catalog.currentVersion(LocalDate.now(clock)).id();
        form = new IntakeForm(catalog.itemsOfVersion(version), catalog.districts(), catalog::streetsOf);
        form.setMaxWidth("60em");
        form.addSaveListener(this::register);
        form.addPlaceChangedListener(this::lookForDuplicates);
        duplicates.setWidth("36em");
        duplicates.setMinWidth("20em");
        setWrap(true);
        setAlignItems(FlexComponent.Alignment.START);
        setPadding(true);
        add(form, duplicates);
    }

    private void lookForDuplicates(IntakeForm.PlaceChangedEvent e) {
        boolean placed = e.streetCode() != null || !e.address().isBlank();
        duplicates.show(e.itemCode() == null || !placed ? List.of()
                : finder.possibleDuplicates(e.itemCode(), e.streetCode(), e.address()));
    }

    private void register(IntakeForm.SaveEvent e) {
        CaseDetails registered;
        try {
            registered = cases.register(e.report(), e.photos());
        } catch (RuleViolation v) {
            Toasts.refused(v);
            return;
        }
        String unitName = registered.leadUnitCode() == null ? null
                : catalog.unit(registered.leadUnitCode()).map(UnitView::name).orElse(registered.leadUnitCode());
        IntakeResultDialog result = new IntakeResultDialog(registered, unitName);
        result.addOpenedChangeListener(o -> {
            if (!o.isOpened()) {
                form.name.focus();
            }
        });
        result.open();
        form.clear();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.intake");
    }
}
