package org.civitas.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.civitas.security.SessionService;

/** 我的账户: the own signed-in sessions (any other can be ended), and the links to password and TOTP. */
@Route("account/sessions")
@PermitAll
public class SessionsView extends VerticalLayout implements HasDynamicTitle {

    final SessionGrid grid;

    public SessionsView(SessionService sessions) {
        setSizeFull();
        grid = new SessionGrid(false, sessions::mine, r -> sessions.endMine(r.key(), SessionGrid.currentSessionId()));
        grid.setId("my-sessions");
        HorizontalLayout links = new HorizontalLayout(
                routerLink("account/password", "account.password.title"),
                routerLink("account/totp", "totp.enrol.title"));
        add(new H2(getTranslation("account.title")), links, new Paragraph(getTranslation("session.intro")), grid);
        expand(grid);
    }

    private Anchor routerLink(String path, String key) {
        Anchor a = new Anchor(path, getTranslation(key));
        a.getElement().setAttribute("router-link", true);
        return a;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.title");
    }
}
