package org.civitas.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.civitas.base.ui.Toasts;
import org.civitas.security.AccountService;
import org.civitas.security.LoginSteps;
import org.civitas.security.TotpEnrolment;

/**
 * Binds an authenticator app: the secret in base32 and the otpauth:// URI to type or paste in, then one code to
 * confirm. Administrators and leaders without a binding land here after the password.
 */
@Route(value = "account/totp", autoLayout = false)
@PermitAll
public class TotpEnrolView extends StepPage implements HasDynamicTitle {

    final Span secret = new Span();
    final Span uri = new Span();
    final TextField code = new TextField();
    final Button confirm = new Button();
    final Button start = new Button();
    private final AccountService account;

    public TotpEnrolView(AccountService account, LoginSteps steps, AuthenticationContext authentication) {
        super("totp.enrol.title", steps, authentication);
        this.account = account;
        secret.setId("totp-secret");
        uri.setId("totp-uri");
        uri.getStyle().set("word-break", "break-all").set("font-family", "monospace");
        secret.getStyle().set("font-family", "monospace").set("font-size", "var(--lumo-font-size-l)");
        code.setLabel(getTranslation("totp.code"));
        code.setId("totp-code");
        code.setMaxLength(6);
        code.setAllowedCharPattern("[0-9]");
        confirm.setText(getTranslation("totp.enrol.confirm"));
        confirm.setId("totp-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> Toasts.attempt(() -> {
            account.confirmTotp(code.getValue());
            return Boolean.TRUE;
        }, getTranslation("totp.enrol.done")).ifPresent(done -> next()));
        start.setText(getTranslation("totp.enrol.start"));
        start.setId("totp-start");
        start.addClickListener(e -> begin());
        if (stepOpen() || !account.totpEnabled()) {
            begin();
        } else {
            intro.setText(getTranslation("totp.enrol.already"));
            add(start);
        }
    }

    private void begin() {
        remove(start);
        TotpEnrolment enrolment = account.startTotpEnrolment();
        intro.setText(getTranslation("totp.enrol.intro"));
        secret.setText(enrolment.secretBase32());
        uri.setText(enrolment.otpauthUri());
        add(new Span(getTranslation("totp.enrol.secret")), secret, new Span(getTranslation("totp.enrol.uri")), uri,
                code, confirm);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("totp.enrol.title");
    }
}
