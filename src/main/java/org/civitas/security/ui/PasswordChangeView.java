package org.civitas.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.civitas.base.RuleViolation;
import org.civitas.base.ui.Toasts;
import org.civitas.security.AccountService;
import org.civitas.security.LoginStep;
import org.civitas.security.LoginSteps;
import org.civitas.security.PasswordPolicy;

/** The own password: by choice, or because it expired or an administrator set it (then nothing else opens). */
@Route(value = "account/password", autoLayout = false)
@PermitAll
public class PasswordChangeView extends StepPage implements HasDynamicTitle {

    final PasswordField current = new PasswordField();
    final PasswordField password = new PasswordField();
    final PasswordField repeat = new PasswordField();
    final Button save = new Button();

    public PasswordChangeView(AccountService account, LoginSteps steps, AuthenticationContext authentication) {
        super("account.password.title", steps, authentication);
        intro.setText(getTranslation(steps.pending().filter(s -> s == LoginStep.PASSWORD).isPresent()
                ? "account.password.required" : "account.password.intro"));
        current.setId("password-current");
        password.setId("password-new");
        repeat.setId("password-repeat");
        current.setLabel(getTranslation("account.password.current"));
        password.setLabel(getTranslation("account.password.new"));
        password.setHelperText(getTranslation("password.policy", PasswordPolicy.MIN_LENGTH));
        repeat.setLabel(getTranslation("account.password.repeat"));
        save.setText(getTranslation("action.save"));
        save.setId("password-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            if (!password.getValue().equals(repeat.getValue())) {
                Toasts.refused(new RuleViolation("account.error.repeat"));
                return;
            }
            Toasts.attempt(() -> {
                account.changePassword(current.getValue(), password.getValue());
                return Boolean.TRUE;
            }, getTranslation("account.password.changed")).ifPresent(done -> next());
        });
        add(new FormLayout(current, password, repeat), save);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.password.title");
    }
}
