package org.civitas.catalog.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vaadin.flow.shared.Registration;
import java.time.LocalDate;
import org.civitas.base.ui.DatePickers;

/** Label and effective date of next year's list; raises a {@link CreateEvent}. */
class NewVersionDialog extends Dialog {

    final TextField label = new TextField();
    final DatePicker effectiveFrom = DatePickers.date();
    private final Binder<NewVersionDialog> binder = new Binder<>();

    NewVersionDialog(LocalDate newest) {
        setHeaderTitle(getTranslation("list.newVersion"));
        label.setLabel(getTranslation("list.label"));
        effectiveFrom.setLabel(getTranslation("list.effectiveFrom"));
        LocalDate suggested = LocalDate.of(newest.getYear() + 1, 1, 1);
        effectiveFrom.setMin(newest.plusDays(1));
        effectiveFrom.setValue(suggested);
        label.setValue(String.valueOf(suggested.getYear()));
        binder.forField(label).asRequired(getTranslation("catalog.required"))
                .withValidator(new StringLengthValidator(getTranslation("list.error.label"), 1, 64))
                .bind(d -> label.getValue(), (d, v) -> { });
        binder.forField(effectiveFrom).asRequired(getTranslation("catalog.required"))
                .withValidator(d -> d.isAfter(newest), getTranslation("list.error.effectiveFrom", newest.toString()))
                .bind(d -> effectiveFrom.getValue(), (d, v) -> { });
        add(new Paragraph(getTranslation("list.newVersion.help")), new FormLayout(label, effectiveFrom));
        Button create = new Button(getTranslation("action.save"), e -> {
            if (binder.validate().isOk()) {
                fireEvent(new CreateEvent(this, label.getValue().trim(), effectiveFrom.getValue()));
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("version-create");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), create);
    }

    Registration addCreateListener(ComponentEventListener<CreateEvent> listener) {
        return addListener(CreateEvent.class, listener);
    }

    static class CreateEvent extends ComponentEvent<NewVersionDialog> {
        private final String label;
        private final LocalDate effectiveFrom;

        CreateEvent(NewVersionDialog source, String label, LocalDate effectiveFrom) {
            super(source, false);
            this.label = label;
            this.effectiveFrom = effectiveFrom;
        }

        String label() {
            return label;
        }

        LocalDate effectiveFrom() {
            return effectiveFrom;
        }
    }
}
