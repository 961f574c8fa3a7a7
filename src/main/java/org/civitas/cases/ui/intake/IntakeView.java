package org.civitas.cases.ui.intake;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
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
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.cases.lifecycle.DuplicateFinder;
import org.civitas.cases.duplicates.DuplicateMatch;
import org.civitas.cases.intake.NewCase;
import org.civitas.cases.photos.PhotoUpload;
import org.civitas.catalog.CatalogService;
import org.civitas.catalog.UnitView;
import org.civitas.base.identity.AppRoles;
import org.civitas.classify.ClassifierService;
import org.civitas.classify.ui.ItemSuggestions;

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
    private final ClassifierService classifier;
    final IntakeForm form;
    final IntakeDuplicates duplicates = new IntakeDuplicates(DUPLICATE_DAYS);
    final ItemSuggestions suggestions;

    public IntakeView(CaseService cases, DuplicateFinder finder, CatalogService catalog, ClassifierService classifier,
                      Clock clock) {
        this.cases = cases;
        this.finder = finder;
        this.catalog = catalog;
        this.classifier = classifier;
        long version = catalog.currentVersion(LocalDate.now(clock)).id();
        form = new IntakeForm(catalog.itemsOfVersion(version), catalog.districts(), catalog::streetsOf);
        suggestions = new ItemSuggestions(classifier);
        IntakeSuggestionsHook.attach(form, suggestions, catalog.itemsOfVersion(version));
        form.setMaxWidth("60em");
        form.addSaveListener(this::register);
        form.addPlaceChangedListener(this::lookForDuplicates);
        duplicates.onMerge(this::confirmMerge);
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
                : finder.matches(e.itemCode(), e.districtCode(), e.streetCode(), e.address(), e.description(), null,
                        null));
    }

    /**
     * "This is the same as WM…": the call, once its fields are valid, is registered straight into that case after
     * the operator confirms what will happen (nothing is dispatched, the caller hears with the master, no undo).
     */
    private void confirmMerge(DuplicateMatch m) {
        form.validReport().ifPresent(report -> {
            List<PhotoUpload> photos = form.photos.uploads();
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setId("intake-merge-confirm");
            confirm.setHeader(getTranslation("intake.merge.title", m.details().number()));
            confirm.setText(getTranslation("intake.merge.summary", m.details().number(), m.details().address(),
                    getTranslation("CaseStatus." + m.details().status().name())));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.setConfirmText(getTranslation("intake.merge.confirm"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.addConfirmListener(e -> registerInto(m, report, photos));
            confirm.open();
        });
    }

    private void registerInto(DuplicateMatch m, NewCase report, List<PhotoUpload> photos) {
        CaseDetails registered;
        try {
            registered = cases.registerAsDuplicate(report, photos, m.details().id());
        } catch (RuleViolation v) {
            Toasts.refused(v);
            return;
        }
        showResult(new IntakeResultDialog(registered, null, m.details().number()));
    }

    private void register(IntakeForm.SaveEvent e) {
        CaseDetails registered;
        try {
            registered = cases.register(e.report(), e.photos());
        } catch (RuleViolation v) {
            Toasts.refused(v);
            return;
        }
        // the suggestion shown beside the operator's choice: the classifier's accuracy in service (DD051)
        classifier.recordChoice(registered.id(), suggestions.classification(), registered.itemCode());
        String unitName = registered.leadUnitCode() == null ? null
                : catalog.unit(registered.leadUnitCode()).map(UnitView::name).orElse(registered.leadUnitCode());
        showResult(new IntakeResultDialog(registered, unitName));
    }

    private void showResult(IntakeResultDialog result) {
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
