package org.civitas.catalog.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.RegexpValidator;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import org.civitas.catalog.PeerGroup;
import org.civitas.catalog.UnitForm;
import org.civitas.catalog.UnitKind;
import org.civitas.catalog.UnitView;

/**
 * Creates or edits a unit. A district chooses its peer group, a street its district; departments and enterprises
 * get their own group from the service. Raises a {@link SaveEvent}; the view calls the service.
 */
class UnitDialog extends Dialog {

    final TextField code = new TextField();
    final TextField name = new TextField();
    final Select<UnitKind> kind = new Select<>();
    final Select<PeerGroup> peerGroup = new Select<>();
    final ComboBox<UnitView> parent = new ComboBox<>();
    private final Binder<UnitDialog> binder = new Binder<>();
    private final UnitView existing;

    /** @param districts the active districts a street may belong to */
    UnitDialog(UnitView existing, List<UnitView> districts) {
        this.existing = existing;
        setHeaderTitle(getTranslation(existing == null ? "unit.new" : "unit.edit"));
        code.setLabel(getTranslation("unit.code"));
        name.setLabel(getTranslation("unit.name"));
        kind.setLabel(getTranslation("unit.kind"));
        kind.setItems(UnitKind.values());
        kind.setItemLabelGenerator(k -> Labels.of(this, k));
        peerGroup.setLabel(getTranslation("unit.peerGroup"));
        peerGroup.setItems(UnitKind.DISTRICT.peerGroups());
        peerGroup.setItemLabelGenerator(g -> Labels.of(this, g));
        parent.setLabel(getTranslation("unit.parent"));
        parent.setItems(districts);
        parent.setItemLabelGenerator(d -> d.code() + " " + d.name());
        kind.addValueChangeListener(e -> showPlacement(e.getValue()));
        bind();
        if (existing != null) {
            code.setValue(existing.code());
            code.setReadOnly(true);
            name.setValue(existing.name());
            kind.setValue(existing.kind());
            kind.setReadOnly(true);
            if (existing.kind() == UnitKind.DISTRICT) {
                peerGroup.setValue(existing.peerGroup());
            }
            districts.stream().filter(d -> d.code().equals(existing.parentCode())).findFirst()
                    .ifPresent(parent::setValue);
        } else {
            showPlacement(null);
        }
        add(new FormLayout(code, name, kind, peerGroup, parent));
        Button save = new Button(getTranslation("action.save"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("unit-save");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    private void bind() {
        String required = getTranslation("catalog.required");
        binder.forField(code).asRequired(required)
                .withValidator(new RegexpValidator(getTranslation("unit.error.code"), "[A-Za-z0-9_-]{2,16}"))
                .bind(d -> code.getValue(), (d, v) -> { });
        binder.forField(name).asRequired(required)
                .withValidator(new StringLengthValidator(getTranslation("unit.error.name"), 1, 100))
                .bind(d -> name.getValue(), (d, v) -> { });
        binder.forField(kind).asRequired(required).bind(d -> kind.getValue(), (d, v) -> { });
        binder.forField(peerGroup)
                .withValidator(g -> kind.getValue() != UnitKind.DISTRICT || g != null,
                        getTranslation("unit.error.districtPeerGroup"))
                .bind(d -> peerGroup.getValue(), (d, v) -> { });
        binder.forField(parent)
                .withValidator(p -> kind.getValue() != UnitKind.STREET || p != null,
                        getTranslation("unit.error.streetNeedsDistrict"))
                .bind(d -> parent.getValue(), (d, v) -> { });
    }

    private void showPlacement(UnitKind k) {
        peerGroup.setVisible(k == UnitKind.DISTRICT);
        peerGroup.setRequiredIndicatorVisible(k == UnitKind.DISTRICT);
        parent.setVisible(k == UnitKind.STREET);
        parent.setRequiredIndicatorVisible(k == UnitKind.STREET);
    }

    private void save() {
        if (!binder.validate().isOk()) {
            return;
        }
        UnitKind k = kind.getValue();
        fireEvent(new SaveEvent(this, existing, new UnitForm(code.getValue().trim().toUpperCase(), name.getValue(), k,
                k == UnitKind.DISTRICT ? peerGroup.getValue() : null,
                k == UnitKind.STREET && parent.getValue() != null ? parent.getValue().code() : null)));
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    static class SaveEvent extends ComponentEvent<UnitDialog> {
        private final UnitView existing;
        private final UnitForm form;

        SaveEvent(UnitDialog source, UnitView existing, UnitForm form) {
            super(source, false);
            this.existing = existing;
            this.form = form;
        }

        /** The unit edited, or null for a new one. */
        UnitView existing() {
            return existing;
        }

        UnitForm form() {
            return form;
        }
    }
}
