package org.civitas.cases.ui.intake;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.BindingValidationStatus;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.civitas.base.ui.Toasts;
import org.civitas.cases.Channel;
import org.civitas.cases.intake.NewCase;
import org.civitas.cases.photos.PhotoUpload;
import org.civitas.catalog.ItemView;
import org.civitas.catalog.UnitView;

/**
 * The operator's form, in the order of a phone call. It only raises events: {@link SaveEvent} with the report and
 * its photos, {@link PlaceChangedEvent} when item or place change (for the duplicate check); the view calls the
 * services.
 */
class IntakeForm extends VerticalLayout {

    final Select<Channel> channel = new Select<>();
    final TextField name = new TextField();
    final TextField phone = new TextField();
    final Checkbox anonymous = new Checkbox();
    final ComboBox<UnitView> district = new ComboBox<>();
    final ComboBox<UnitView> street = new ComboBox<>();
    final TextField address = new TextField();
    final TextArea description = new TextArea();
    final ComboBox<ItemView> item = new ComboBox<>();
    final IntakePhotos photos = new IntakePhotos();
    final Button save = new Button();
    final Button newCall = new Button();
    private final Binder<IntakeDraft> binder = new Binder<>();
    private final Binder.Binding<IntakeDraft, String> phoneBinding;
    private final Function<String, List<UnitView>> streetsOf;

    IntakeForm(List<ItemView> items, List<UnitView> districts, Function<String, List<UnitView>> streetsOf) {
        this.streetsOf = streetsOf;
        setPadding(false);
        configureFields(items, districts);

        binder.forField(channel).asRequired(getTranslation("case.error.channelRequired"))
                .bind(IntakeDraft::getChannel, IntakeDraft::setChannel);
        binder.forField(name).withValidator(s -> s.trim().length() <= 64, getTranslation("case.error.name"))
                .bind(IntakeDraft::getName, IntakeDraft::setName);
        phoneBinding = binder.forField(phone)
                .withValidator(p -> anonymous.getValue() && p.isBlank() || IntakeDraft.validPhone(p),
                        getTranslation("case.error.phone"))
                .bind(IntakeDraft::getPhone, IntakeDraft::setPhone);
        binder.forField(anonymous).bind(IntakeDraft::isAnonymous, IntakeDraft::setAnonymous);
        binder.forField(district).asRequired(getTranslation("intake.error.district"))
                .bind(IntakeDraft::getDistrict, IntakeDraft::setDistrict);
        binder.forField(street).bind(IntakeDraft::getStreet, IntakeDraft::setStreet);
        binder.forField(address).asRequired(getTranslation("case.error.address"))
                .withValidator(s -> s.trim().length() <= 200, getTranslation("case.error.address"))
                .bind(IntakeDraft::getAddress, IntakeDraft::setAddress);
        binder.forField(description).asRequired(getTranslation("case.error.description"))
                .withValidator(s -> s.trim().length() <= org.civitas.cases.intake.CaseLimits.DESCRIPTION, getTranslation("case.error.description"))
                .bind(IntakeDraft::getDescription, IntakeDraft::setDescription);
        binder.forField(item).bind(IntakeDraft::getItem, IntakeDraft::setItem);
        binder.readBean(new IntakeDraft());

        anonymous.addValueChangeListener(e -> anonymousChanged(e.getValue()));
        district.addValueChangeListener(e -> districtChanged(e.getValue()));
        item.addValueChangeListener(e -> firePlaceChanged());
        street.addValueChangeListener(e -> firePlaceChanged());
        address.addValueChangeListener(e -> firePlaceChanged());
        district.addValueChangeListener(e -> firePlaceChanged());
        description.addValueChangeListener(e -> firePlaceChanged());

        FormLayout form = new FormLayout(channel, name, phone, anonymous, district, street, address, description,
                item, photos);
        form.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 4));
        form.setColspan(address, 2);
        form.setColspan(description, 4);
        form.setColspan(item, 4);
        form.setColspan(photos, 4);
        add(form, actions());
    }

    private void configureFields(List<ItemView> items, List<UnitView> districts) {
        channel.setLabel(getTranslation("intake.channel"));
        channel.setItems(Channel.values());
        channel.setItemLabelGenerator(c -> getTranslation("Channel." + c.name()));
        name.setLabel(getTranslation("intake.name"));
        name.setMaxLength(64);
        name.setAutofocus(true);
        phone.setLabel(getTranslation("intake.phone"));
        phone.setHelperText(getTranslation("intake.phone.help"));
        phone.setRequiredIndicatorVisible(true);
        phone.setMaxLength(20);
        anonymous.setLabel(getTranslation("intake.anonymous"));
        district.setLabel(getTranslation("intake.district"));
        district.setItems(districts.stream().filter(UnitView::active).toList());
        district.setItemLabelGenerator(UnitView::name);
        street.setLabel(getTranslation("intake.street"));
        street.setHelperText(getTranslation("intake.street.help"));
        street.setItemLabelGenerator(UnitView::name);
        street.setClearButtonVisible(true);
        address.setLabel(getTranslation("intake.address"));
        address.setMaxLength(200);
        description.setLabel(getTranslation("intake.description"));
        description.setMaxLength(org.civitas.cases.intake.CaseLimits.DESCRIPTION);
        description.setMinRows(3);
        item.setLabel(getTranslation("intake.item"));
        item.setPlaceholder(getTranslation("intake.item.placeholder"));
        item.setHelperText(getTranslation("intake.item.help"));
        item.setItems(IntakeItems::matches, items);
        item.setItemLabelGenerator(i -> IntakeItems.label(this, i));
        item.setClearButtonVisible(true);
        pickUniqueMatchOnEnter(district, IntakeForm::unitMatches);
        pickUniqueMatchOnEnter(street, IntakeForm::unitMatches);
        pickUniqueMatchOnEnter(item, (i, typed) -> !typed.isEmpty() && IntakeItems.matches(i, typed));
        channel.setId("intake-channel");
        name.setId("intake-name");
        phone.setId("intake-phone");
        anonymous.setId("intake-anonymous");
        district.setId("intake-district");
        street.setId("intake-street");
        address.setId("intake-address");
        description.setId("intake-description");
        item.setId("intake-item");
    }

    private HorizontalLayout actions() {
        save.setText(getTranslation("intake.save"));
        save.setId("intake-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER, KeyModifier.CONTROL);
        // a second click while the first is being saved would register the call twice
        save.setDisableOnClick(true);
        save.addClickListener(e -> save());
        newCall.setText(getTranslation("intake.newCall"));
        newCall.setId("intake-new-call");
        newCall.addClickListener(e -> {
            clear();
            name.focus();
        });
        return new HorizontalLayout(save, newCall);
    }

    private void anonymousChanged(boolean anon) {
        name.setEnabled(!anon);
        if (anon) {
            name.clear();
        }
        phone.setRequiredIndicatorVisible(!anon);
        if (!phone.isEmpty() || phone.isInvalid()) {
            phoneBinding.validate();
        }
    }

    private void districtChanged(UnitView value) {
        street.clear();
        List<UnitView> streets = value == null ? List.of()
                : streetsOf.apply(value.code()).stream().filter(UnitView::active).toList();
        street.setItems(streets);
    }

    /**
     * Typing and Enter picks the one entry that matches, without the arrow keys ("武昌" → 武昌区, "坠落" → SR-07);
     * when several or none match, the operator is told and nothing is picked.
     */
    private <T> void pickUniqueMatchOnEnter(ComboBox<T> box, BiPredicate<T, String> matches) {
        box.setAllowCustomValue(true);
        box.addCustomValueSetListener(e -> {
            String typed = e.getDetail() == null ? "" : e.getDetail().trim();
            List<T> hits = box.getListDataView().getItems().filter(i -> matches.test(i, typed)).limit(2).toList();
            if (hits.size() == 1) {
                box.setValue(hits.get(0));
            } else if (!typed.isEmpty()) {
                box.clear();
                Toasts.error(getTranslation(hits.isEmpty() ? "intake.error.noMatch" : "intake.error.ambiguous",
                        box.getLabel(), typed));
            }
        });
    }

    private static boolean unitMatches(UnitView unit, String typed) {
        return !typed.isEmpty() && (unit.name().contains(typed) || unit.code().equalsIgnoreCase(typed));
    }

    private void firePlaceChanged() {
        fireEvent(new PlaceChangedEvent(this, item.getValue() == null ? null : item.getValue().code(),
                district.getValue() == null ? null : district.getValue().code(),
                street.getValue() == null ? null : street.getValue().code(), address.getValue().trim(),
                description.getValue().trim()));
    }

    void save() {
        try {
            validReport().ifPresent(report -> fireEvent(new SaveEvent(this, report, photos.uploads())));
        } finally {
            save.setEnabled(true);
        }
    }

    /**
     * The report as typed if every field is valid (for saving, or for merging it into a duplicate); else empty, the
     * errors shown on the fields and the first of them focused.
     */
    java.util.Optional<NewCase> validReport() {
        IntakeDraft draft = new IntakeDraft();
        if (binder.writeBeanIfValid(draft)) {
            return java.util.Optional.of(draft.toNewCase());
        }
        binder.validate().getFieldValidationErrors().stream().map(BindingValidationStatus::getField)
                .filter(Focusable.class::isInstance).findFirst().ifPresent(f -> ((Focusable<?>) f).focus());
        return java.util.Optional.empty();
    }

    /** Ready for the next call: everything empty but the channel, which an operator rarely changes. */
    void clear() {
        binder.readBean(new IntakeDraft(channel.getValue() == null ? Channel.HOTLINE_12345 : channel.getValue()));
        photos.clear();
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    Registration addPlaceChangedListener(ComponentEventListener<PlaceChangedEvent> listener) {
        return addListener(PlaceChangedEvent.class, listener);
    }

    static class SaveEvent extends ComponentEvent<IntakeForm> {
        private final NewCase report;
        private final List<PhotoUpload> photos;

        SaveEvent(IntakeForm source, NewCase report, List<PhotoUpload> photos) {
            super(source, false);
            this.report = report;
            this.photos = photos;
        }

        NewCase report() {
            return report;
        }

        List<PhotoUpload> photos() {
            return photos;
        }
    }

    /** The item, place or description changed: time to look for possible duplicates. */
    static class PlaceChangedEvent extends ComponentEvent<IntakeForm> {
        private final String itemCode;
        private final String districtCode;
        private final String streetCode;
        private final String address;
        private final String description;

        PlaceChangedEvent(IntakeForm source, String itemCode, String districtCode, String streetCode, String address,
                          String description) {
            super(source, false);
            this.itemCode = itemCode;
            this.districtCode = districtCode;
            this.streetCode = streetCode;
            this.address = address;
            this.description = description;
        }

        String itemCode() {
            return itemCode;
        }

        String districtCode() {
            return districtCode;
        }

        String description() {
            return description;
        }

        String streetCode() {
            return streetCode;
        }

        String address() {
            return address;
        }
    }
}
