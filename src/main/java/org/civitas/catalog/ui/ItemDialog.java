package org.civitas.catalog.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vaadin.flow.shared.Registration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civitas.calendar.LimitUnit;
import org.civitas.catalog.ItemForm;
import org.civitas.catalog.ItemView;
import org.civitas.catalog.Responsibility;
import org.civitas.catalog.UnitView;
import org.civitas.catalog.Urgency;

/**
 * Edits one list item. It validates what it can see (required fields, a positive limit, a lead unit exactly when
 * the responsibility needs one) and raises a {@link SaveEvent}; the view calls the service, which checks again.
 */
class ItemDialog extends Dialog {

    final TextField name = new TextField();
    final TextArea description = new TextArea();
    final Select<Urgency> urgency = new Select<>();
    final IntegerField timeLimit = new IntegerField();
    final Select<LimitUnit> timeUnit = new Select<>();
    final Select<Responsibility> responsibility = new Select<>();
    final ComboBox<String> leadUnit = new ComboBox<>();
    final TextField legalBasis = new TextField();
    final Button save = new Button();
    private final Binder<Draft> binder = new Binder<>();
    private final ItemView item;

    ItemDialog(ItemView item, List<UnitView> leadUnits, boolean editable) {
        this.item = item;
        setHeaderTitle(getTranslation("item.edit") + " · " + item.code() + " " + item.categoryName());
        setWidth("48rem");
        label();
        urgency.setItems(Urgency.values());
        urgency.setItemLabelGenerator(u -> Labels.of(this, u));
        timeUnit.setItems(LimitUnit.values());
        timeUnit.setItemLabelGenerator(u -> Labels.timeUnit(this, u));
        responsibility.setItems(Responsibility.values());
        responsibility.setItemLabelGenerator(r -> Labels.of(this, r));
        Map<String, String> names = new LinkedHashMap<>();
        leadUnits.forEach(u -> names.put(u.code(), u.name()));
        if (item.leadUnitCode() != null) {
            names.putIfAbsent(item.leadUnitCode(), item.leadUnitName());
        }
        leadUnit.setItems(names.keySet());
        leadUnit.setItemLabelGenerator(code -> code + " " + names.getOrDefault(code, ""));
        leadUnit.setClearButtonVisible(true);
        timeLimit.setStepButtonsVisible(true);
        bind();
        responsibility.addValueChangeListener(e -> {
            boolean needsLead = e.getValue() != null && e.getValue().needsLeadUnit();
            if (!needsLead) {
                leadUnit.clear();
            }
            leadUnit.setEnabled(needsLead && editable);
            leadUnit.setRequiredIndicatorVisible(needsLead);
        });
        binder.readBean(new Draft(item.toForm()));

        FormLayout form = new FormLayout(name, urgency, timeLimit, timeUnit, responsibility, leadUnit, description,
                legalBasis);
        form.setColspan(description, 2);
        form.setColspan(legalBasis, 2);
        add(form);
        binder.setReadOnly(!editable);
        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        save.setVisible(editable);
        save.setId("item-save");
        getFooter().add(new Button(getTranslation(editable ? "action.cancel" : "action.close"), e -> close()), save);
    }

    private void label() {
        name.setLabel(getTranslation("item.name"));
        description.setLabel(getTranslation("item.description"));
        urgency.setLabel(getTranslation("item.urgency"));
        timeLimit.setLabel(getTranslation("item.timeLimit"));
        timeUnit.setLabel(getTranslation("item.timeUnit"));
        responsibility.setLabel(getTranslation("item.responsibility"));
        leadUnit.setLabel(getTranslation("item.leadUnit"));
        legalBasis.setLabel(getTranslation("item.legalBasis"));
    }

    private void bind() {
        String required = getTranslation("catalog.required");
        binder.forField(name).asRequired(required)
                .withValidator(new StringLengthValidator(getTranslation("item.error.name"), 1, 100))
                .bind(d -> d.name, (d, v) -> d.name = v);
        binder.forField(description).asRequired(required)
                .withValidator(new StringLengthValidator(getTranslation("item.error.description"), 1, 500))
                .bind(d -> d.description, (d, v) -> d.description = v);
        binder.forField(urgency).asRequired(required).bind(d -> d.urgency, (d, v) -> d.urgency = v);
        binder.forField(timeLimit).asRequired(required)
                .withValidator(v -> v > 0, getTranslation("catalog.positive"))
                .bind(d -> d.timeLimit, (d, v) -> d.timeLimit = v);
        binder.forField(timeUnit).asRequired(required).bind(d -> d.timeUnit, (d, v) -> d.timeUnit = v);
        binder.forField(responsibility).asRequired(required)
                .bind(d -> d.responsibility, (d, v) -> d.responsibility = v);
        binder.forField(leadUnit)
                .withValidator(v -> responsibility.isEmpty() || !responsibility.getValue().needsLeadUnit() || v != null,
                        getTranslation("item.error.leadUnitRequired"))
                .bind(d -> d.leadUnitCode, (d, v) -> d.leadUnitCode = v);
        binder.forField(legalBasis)
                .withValidator(new StringLengthValidator(getTranslation("item.error.legalBasis"), 0, 200))
                .bind(d -> d.legalBasis, (d, v) -> d.legalBasis = v);
    }

    private void save() {
        Draft draft = new Draft(item.toForm());
        if (binder.writeBeanIfValid(draft)) {
            fireEvent(new SaveEvent(this, item, draft.toForm()));
        }
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    static class SaveEvent extends ComponentEvent<ItemDialog> {
        private final ItemView item;
        private final ItemForm form;

        SaveEvent(ItemDialog source, ItemView item, ItemForm form) {
            super(source, false);
            this.item = item;
            this.form = form;
        }

        ItemView item() {
            return item;
        }

        ItemForm form() {
            return form;
        }
    }

    /** The mutable copy the binder writes into; the service receives an immutable {@link ItemForm}. */
    private static final class Draft {
        String name;
        String description;
        Urgency urgency;
        Integer timeLimit;
        LimitUnit timeUnit;
        Responsibility responsibility;
        String leadUnitCode;
        String legalBasis;

        Draft(ItemForm f) {
            name = f.name();
            description = f.description();
            urgency = f.urgency();
            timeLimit = f.timeLimit();
            timeUnit = f.timeUnit();
            responsibility = f.responsibility();
            leadUnitCode = f.leadUnitCode();
            legalBasis = f.legalBasis() == null ? "" : f.legalBasis();
        }

        ItemForm toForm() {
            return new ItemForm(name, description, urgency, timeLimit, timeUnit, responsibility, leadUnitCode,
                    legalBasis);
        }
    }
}
