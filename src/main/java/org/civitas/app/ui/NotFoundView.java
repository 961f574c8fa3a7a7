package org.civitas.app.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** A link that leads nowhere says so in the user's language, with the way home (in place of Vaadin's English page). */
@AnonymousAllowed
public class NotFoundView extends Div implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        getStyle().set("padding", "var(--lumo-space-l)");
        RouterLink home = new RouterLink(getTranslation("notFound.home"), HomeView.class);
        home.setId("not-found-home");
        add(new H2(getTranslation("notFound.title")), new Paragraph(getTranslation("notFound.text")), home);
        setId("not-found");
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
