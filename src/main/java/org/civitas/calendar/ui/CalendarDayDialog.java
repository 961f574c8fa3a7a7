package org.civitas.calendar.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.shared.Registration;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.civitas.base.ui.DatePickers;
import org.civitas.calendar.DayKind;

/** Adds one holiday or make-up working day. It only raises a {@link SaveEvent}; the view calls the service. */
class CalendarDayDialog extends Dialog {

    static final int MAX_NAME = 32;

    final DatePicker date = DatePickers.date(getTranslation("calendar.date"));
    final Select<DayKind> kind = new Select<>();
    final TextField name = new TextField(getTranslation("calendar.name"));
    final Button save = new Button(getTranslation("action.save"));
    private final Binder<Draft> binder = new Binder<>();

    CalendarDayDialog(int year) {
        setHeaderTitle(getTranslation("calendar.new"));
        date.setInitialPosition(LocalDate.of(year, 1, 1));
        kind.setLabel(getTranslation("calendar.kind"));
        kind.setItems(DayKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("DayKind." + k.name()));
        name.setMaxLength(MAX_NAME);
        name.setHelperText(getTranslation("calendar.name.help"));

        binder.forField(date).asRequired(getTranslation("calendar.error.required")).bind(Draft::getDate, Draft::setDate);
        var kindBinding = binder.forField(kind).asRequired(getTranslation("calendar.error.required"))
                .withValidator((k, ctx) -> k == DayKind.WORKDAY && date.getValue() != null && !weekend(date.getValue())
                        ? ValidationResult.error(getTranslation("calendar.error.workdayOnWeekday", date.getValue()))
                        : ValidationResult.ok())
                .bind(Draft::getKind, Draft::setKind);
        binder.forField(name).asRequired(getTranslation("calendar.error.name", MAX_NAME))
                .withValidator(n -> n.trim().length() <= MAX_NAME, getTranslation("calendar.error.name", MAX_NAME))
                .bind(Draft::getName, Draft::setName);
        date.addValueChangeListener(e -> kindBinding.validate());
        binder.setBean(new Draft());

        add(new FormLayout(date, kind, name));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("calendar-day-save");
        save.addClickListener(e -> {
            if (binder.validate().isOk()) {
                Draft d = binder.getBean();
                fireEvent(new SaveEvent(this, d.getDate(), d.getKind(), d.getName().trim()));
            }
        });
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    private static boolean weekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    static class SaveEvent extends ComponentEvent<CalendarDayDialog> {
        private final LocalDate date;
        private final DayKind kind;
        private final String name;

        SaveEvent(CalendarDayDialog source, LocalDate date, DayKind kind, String name) {
            super(source, false);
            this.date = date;
            this.kind = kind;
            this.name = name;
        }

        LocalDate date() {
            return date;
        }

        DayKind kind() {
            return kind;
        }

        String name() {
            return name;
        }
    }

    /** The form's working copy. */
    static class Draft {
        private LocalDate date;
        private DayKind kind = DayKind.HOLIDAY;
        private String name = "";

        LocalDate getDate() {
            return date;
        }

        void setDate(LocalDate date) {
            this.date = date;
        }

        DayKind getKind() {
            return kind;
        }

        void setKind(DayKind kind) {
            this.kind = kind;
        }

        String getName() {
            return name;
        }

        void setName(String name) {
            this.name = name;
        }
    }
}
