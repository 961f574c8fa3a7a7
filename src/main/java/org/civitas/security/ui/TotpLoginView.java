package org.civitas.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.civitas.base.ui.Toasts;
import org.civitas.security.AccountService;
import org.civitas.security.LoginSteps;

/** The second step of an administrator's or leader's login: the six digits from the authenticator app. */
@Route(value = "login/totp", autoLayout = false)
@PermitAll
public class TotpLoginView extends StepPage implements HasDynamicTitle {

    final TextField code = new TextField();
    final Button verify = new Button();

    public TotpLoginView(AccountService account, LoginSteps steps, AuthenticationContext authentication) {
        super("totp.login.title", steps, authentication);
        intro.setText(getTranslation("totp.login.intro"));
        code.setLabel(getTranslation("totp.code"));
        code.setId("totp-code");
        code.setMaxLength(6);
        code.setAllowedCharPattern("[0-9]");
        code.focus();
        verify.setText(getTranslation("totp.login.verify"));
        verify.setId("totp-verify");
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        verify.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        verify.addClickListener(e -> Toasts.attempt(() -> {
            account.verifyTotp(code.getValue());
            return Boolean.TRUE;
        }, getTranslation("totp.login.done")).ifPresentOrElse(done -> next(), code::clear));
        add(code, verify);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("totp.login.title");
    }
}
