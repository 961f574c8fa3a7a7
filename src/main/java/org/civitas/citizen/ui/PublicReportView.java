package org.civitas.citizen.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.civitas.base.RuleViolation;
import org.civitas.base.ui.Toasts;
import org.civitas.cases.Channel;
import org.civitas.cases.lifecycle.CitizenCases;
import org.civitas.cases.intake.NewCase;
import org.civitas.cases.intake.PhoneNumbers;
import org.civitas.cases.PublicCase;
import org.civitas.cases.ui.intake.IntakeItems;
import org.civitas.cases.ui.intake.IntakePhotos;
import org.civitas.catalog.CatalogService;
import org.civitas.catalog.CategoryView;
import org.civitas.catalog.ItemView;
import org.civitas.catalog.UnitView;
import org.civitas.citizen.PublicLimits;

/**
 * 市民反映问题: the public report form (docs/design.md §9). It registers through the same service as every channel, as
 * channel {@code WEB}; the case is dispatched at once when the citizen picked an item. Every bad input is refused
 * with a message on its field or a Chinese notice, and nothing is stored. Other cases at the same place are not shown
 * here (they are someone else's); the office sees them as possible duplicates and merges.
 */
@Route(value = "public/report", layout = PublicLayout.class)
@AnonymousAllowed
public class PublicReportView extends VerticalLayout implements HasDynamicTitle {

    static final int MAX_PHOTOS = 3;

    private final CitizenCases citizens;
    private final CatalogService catalog;
    private final PublicLimits limits;
    private final ClientAddress client;

    final ComboBox<CategoryView> category = new ComboBox<>();
    final ComboBox<ItemView> item = new ComboBox<>();
    final ComboBox<UnitView> district = new ComboBox<>();
    final ComboBox<UnitView> street = new ComboBox<>();
    final TextField address = new TextField();
    final TextArea description = new TextArea();
    final PublicLocation location = new PublicLocation();
    final IntakePhotos photos = new IntakePhotos(MAX_PHOTOS, "public-photos", "public.photos.drop");
    final TextField phone = new TextField();
    final TextField name = new TextField();
    final Button submit = new Button();
    final VerticalLayout form = new VerticalLayout();
    final PublicReportDone done = new PublicReportDone();

    public PublicReportView(CitizenCases citizens, CatalogService catalog, PublicLimits limits, ClientAddress client,
                            Clock clock) {
        this.citizens = citizens;
        this.catalog = catalog;
        this.limits = limits;
        this.client = client;
        setPadding(false);
        List<ItemView> items = catalog.itemsOfVersion(catalog.currentVersion(LocalDate.now(clock)).id());
        configure(items);
        form.setPadding(false);
        form.add(new H2(getTranslation("public.report.title")), new Paragraph(getTranslation("public.report.intro")),
                category, item, district, street, address, location, description, photos, phone, name, submit);
        form.getChildren().filter(c -> c != photos && c != location)
                .forEach(c -> c.getElement().getStyle().set("width", "100%"));
        done.setVisible(false);
        done.again.addClickListener(e -> again());
        add(form, done);
    }

    private void configure(List<ItemView> items) {
        category.setLabel(getTranslation("public.report.category"));
        category.setPlaceholder(getTranslation("public.report.optional"));
        category.setItems(catalog.categories());
        category.setItemLabelGenerator(CategoryView::name);
        category.setClearButtonVisible(true);
        category.addValueChangeListener(e -> {
            item.clear();
            item.setItems(IntakeItems::matches, e.getValue() == null ? items
                    : items.stream().filter(i -> e.getValue().code().equals(i.categoryCode())).toList());
        });
        item.setLabel(getTranslation("public.report.item"));
        item.setHelperText(getTranslation("public.report.item.help"));
        item.setPlaceholder(getTranslation("public.report.item.placeholder"));
        item.setItems(IntakeItems::matches, items);
        item.setItemLabelGenerator(ItemView::name);
        item.setClearButtonVisible(true);
        district.setLabel(getTranslation("public.report.district"));
        district.setRequiredIndicatorVisible(true);
        district.setItems(catalog.districts().stream().filter(UnitView::active).toList());
        district.setItemLabelGenerator(UnitView::name);
        district.addValueChangeListener(e -> {
            street.clear();
            street.setItems(e.getValue() == null ? List.of()
                    : catalog.streetsOf(e.getValue().code()).stream().filter(UnitView::active).toList());
        });
        street.setLabel(getTranslation("public.report.street"));
        street.setPlaceholder(getTranslation("public.report.optional"));
        street.setItemLabelGenerator(UnitView::name);
        street.setClearButtonVisible(true);
        address.setLabel(getTranslation("public.report.address"));
        address.setRequiredIndicatorVisible(true);
        address.setMaxLength(200);
        description.setLabel(getTranslation("public.report.description"));
        description.setRequiredIndicatorVisible(true);
        description.setMaxLength(org.civitas.cases.intake.CaseLimits.DESCRIPTION);
        description.setMinRows(4);
        phone.setLabel(getTranslation("public.report.phone"));
        phone.setHelperText(getTranslation("public.report.phone.help"));
        phone.setRequiredIndicatorVisible(true);
        phone.setMaxLength(20);
        name.setLabel(getTranslation("public.report.name"));
        name.setMaxLength(64);
        submit.setText(getTranslation("public.report.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setDisableOnClick(true);
        submit.addClickListener(e -> submit());
        category.setId("public-category");
        item.setId("public-item");
        district.setId("public-district");
        street.setId("public-street");
        address.setId("public-address");
        description.setId("public-description");
        phone.setId("public-phone");
        name.setId("public-name");
        submit.setId("public-submit");
    }

    void submit() {
        try {
            if (!valid()) {
                Toasts.error(getTranslation("public.error.form"));
                return;
            }
            if (!limits.tryUse(PublicLimits.Use.REPORT, client.current())) {
                Toasts.error(getTranslation("public.error.tooMany"));
                return;
            }
            PublicCase registered = citizens.report(toNewCase(), photos.uploads());
            done.show(registered.number(), registered.trackingCode());
            form.setVisible(false);
            done.setVisible(true);
        } catch (RuleViolation v) {
            Toasts.refused(v);
        } finally {
            submit.setEnabled(true);
        }
    }

    private boolean valid() {
        boolean ok = check(district, district.getValue() != null, "public.error.district");
        ok &= check(address, !address.getValue().isBlank() && address.getValue().trim().length() <= 200,
                "case.error.address");
        ok &= check(description, !description.getValue().isBlank()
                && description.getValue().trim().length() <= org.civitas.cases.intake.CaseLimits.DESCRIPTION, "case.error.description");
        ok &= check(phone, PhoneNumbers.valid(PhoneNumbers.normalize(phone.getValue())), "case.error.phone");
        ok &= check(name, name.getValue().trim().length() <= 64, "case.error.name");
        return ok;
    }

    private boolean check(HasValidation field, boolean ok, String key) {
        field.setInvalid(!ok);
        field.setErrorMessage(ok ? null : getTranslation(key));
        return ok;
    }

    private NewCase toNewCase() {
        String who = name.getValue().trim();
        return new NewCase(Channel.WEB, null, null, who.isEmpty() ? null : who,
                PhoneNumbers.normalize(phone.getValue()), false, district.getValue().code(),
                street.getValue() == null ? null : street.getValue().code(), address.getValue().trim(),
                location.latitude(), location.longitude(),
                description.getValue().trim(), item.getValue() == null ? null : item.getValue().code());
    }

    private void again() {
        category.clear();
        item.clear();
        district.clear();
        address.clear();
        description.clear();
        location.clear();
        photos.clear();
        done.setVisible(false);
        form.setVisible(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("public.report.title") + " · " + getTranslation("app.name");
    }
}
