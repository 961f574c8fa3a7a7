package org.civitas.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.shared.Registration;
import org.civitas.base.i18n.LanguageSwitch;
import org.civitas.security.DemoReadiness;

@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm login = new LoginForm();
    private Registration polling;

    public LoginView(DemoReadiness demo) {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setI18n(i18n());
        H1 title = new H1(getTranslation("app.title"));
        Paragraph subtitle = new Paragraph(getTranslation("app.subtitle"));
        // citizens have no account: the public pages are one link away from the only page they might land on
        Anchor citizens = new Anchor("public/report", getTranslation("public.login.link"));
        citizens.setId("login-public-link");
        // a page load, not a client-side navigation: only public pages' documents may ask for the position (DD022)
        citizens.setRouterIgnore(true);
        add(title, subtitle, login, citizens, new LanguageSwitch());
        if (demo.preparing()) {
            Span preparing = new Span(getTranslation("login.demoPreparing"));
            preparing.setId("login-demo-preparing");
            preparing.getElement().getThemeList().add("badge contrast");
            addComponentAtIndex(2, preparing);
            // the page looks again every two seconds and drops the notice once the demo users exist
            addAttachListener(attach -> {
                attach.getUI().setPollInterval(2000);
                polling = attach.getUI().addPollListener(poll -> {
                    if (!demo.preparing()) {
                        remove(preparing);
                        stopPolling();
                    }
                });
            });
            addDetachListener(detach -> stopPolling());
        }
    }

    private void stopPolling() {
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
        if (polling != null) {
            polling.remove();
            polling = null;
        }
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form form = i18n.getForm();
        form.setTitle(getTranslation("login.title"));
        form.setUsername(getTranslation("login.username"));
        form.setPassword(getTranslation("login.password"));
        form.setSubmit(getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(getTranslation("login.error.message"));
        error.setUsername(getTranslation("login.error.username"));
        error.setPassword(getTranslation("login.error.password"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("expired")) {
            LoginI18n i18n = i18n();
            i18n.getErrorMessage().setTitle(getTranslation("login.expired.title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.expired.message"));
            login.setI18n(i18n);
        }
        login.setError(parameters.containsKey("error") || parameters.containsKey("expired"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · " + getTranslation("app.name");
    }
}
