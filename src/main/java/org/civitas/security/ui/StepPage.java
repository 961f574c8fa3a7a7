package org.civitas.security.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.civitas.base.i18n.LanguageSwitch;
import org.civitas.security.LoginSteps;

/** The frame of the pages a login may have to pass through: no menu, a title, a way out. */
abstract class StepPage extends VerticalLayout {

    final Paragraph intro = new Paragraph();
    private final LoginSteps steps;

    StepPage(String titleKey, LoginSteps steps, AuthenticationContext authentication) {
        this.steps = steps;
        setMaxWidth("640px");
        getStyle().set("margin", "0 auto");
        Button logout = new Button(getTranslation("action.logout"), e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        HorizontalLayout bar = new HorizontalLayout(new LanguageSwitch(), logout);
        if (steps.pending().isEmpty()) {
            // a change by choice: the way back to the account page (during a login step there is none)
            Anchor back = new Anchor("account/sessions", getTranslation("account.back"));
            back.getElement().setAttribute("router-link", true);
            bar.addComponentAsFirst(back);
        }
        bar.setAlignItems(Alignment.BASELINE);
        add(bar, new H2(getTranslation(titleKey)), intro);
    }

    /** After a step: the next open step, or the page the user came for (the home page). */
    void next() {
        UI.getCurrent().navigate(steps.pending().map(s -> s.route()).orElse(""));
    }

    boolean stepOpen() {
        return steps.pending().isPresent();
    }
}
