package org.civitas.security.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.civitas.catalog.UnitView;
import org.civitas.base.identity.AppRoles;
import org.civitas.security.PasswordPolicy;
import org.civitas.security.UserForm;
import org.civitas.security.UserRow;

/** Create or edit a user. It only raises a {@link SaveEvent}; the view calls the service. */
class UserFormDialog extends Dialog {

    final TextField username = new TextField();
    final TextField displayName = new TextField();
    final CheckboxGroup<String> roles = new CheckboxGroup<>();
    final ComboBox<UnitView> unit = new ComboBox<>();
    final EmailField email = new EmailField();
    final Checkbox enabled = new Checkbox();
    final PasswordField password = new PasswordField();
    private final UserRow existing;

    UserFormDialog(UserRow existing, List<UnitView> units) {
        this.existing = existing;
        setHeaderTitle(getTranslation(existing == null ? "user.new" : "user.edit"));
        username.setLabel(getTranslation("user.username"));
        username.setRequired(true);
        displayName.setLabel(getTranslation("user.displayName"));
        displayName.setRequired(true);
        roles.setLabel(getTranslation("user.roles"));
        roles.setItems(AppRoles.ALL);
        roles.setItemLabelGenerator(r -> getTranslation("role." + r));
        unit.setLabel(getTranslation("user.unit"));
        unit.setHelperText(getTranslation("user.unit.help"));
        unit.setItems(units);
        unit.setItemLabelGenerator(u -> u.code() + " " + u.name());
        unit.setClearButtonVisible(true);
        email.setLabel(getTranslation("user.email"));
        email.setHelperText(getTranslation("user.email.help"));
        enabled.setLabel(getTranslation("user.enabled"));
        password.setLabel(getTranslation("user.password"));
        password.setHelperText(getTranslation("password.policy", PasswordPolicy.MIN_LENGTH));
        FormLayout form = new FormLayout(username, displayName, unit, email, enabled, roles);
        if (existing == null) {
            enabled.setValue(true);
            form.add(password);
        } else {
            username.setValue(existing.username());
            username.setReadOnly(true);
            displayName.setValue(existing.displayName());
            roles.setValue(new HashSet<>(existing.roles()));
            units.stream().filter(u -> u.code().equals(existing.unitCode())).findFirst().ifPresent(unit::setValue);
            email.setValue(existing.email() == null ? "" : existing.email());
            enabled.setValue(existing.enabled());
        }
        form.setColspan(roles, 2);
        add(form);
        Button save = new Button(getTranslation("action.save"), e -> fireEvent(new SaveEvent(this, form())));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("user-save");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    UserForm form() {
        return new UserForm(username.getValue(), displayName.getValue(), Set.copyOf(roles.getValue()),
                unit.getValue() == null ? null : unit.getValue().code(), email.getValue(), enabled.getValue(),
                password.getValue());
    }

    UserRow existing() {
        return existing;
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    static class SaveEvent extends ComponentEvent<UserFormDialog> {
        private final UserForm form;

        SaveEvent(UserFormDialog source, UserForm form) {
            super(source, false);
            this.form = form;
        }

        UserForm form() {
            return form;
        }
    }
}
