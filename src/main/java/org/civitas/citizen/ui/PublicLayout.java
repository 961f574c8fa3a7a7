package org.civitas.citizen.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.civitas.base.i18n.LanguageSwitch;

/**
 * The citizens' shell: a narrow single column for phones, the two public pages and the language switch; nothing of
 * the back office (no menu, no user, no notifications).
 */
@AnonymousAllowed
public class PublicLayout extends VerticalLayout implements RouterLayout {

    private final Div content = new Div();

    public PublicLayout() {
        setId("public-layout");
        setPadding(false);
        setSpacing(false);
        setAlignItems(FlexComponent.Alignment.CENTER);
        setMinHeight("100vh");

        Span title = new Span(getTranslation("public.title"));
        title.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");
        RouterLink report = new RouterLink(getTranslation("public.nav.report"), PublicReportView.class);
        report.setId("public-nav-report");
        RouterLink track = new RouterLink(getTranslation("public.nav.track"), PublicTrackView.class);
        track.setId("public-nav-track");
        HorizontalLayout links = new HorizontalLayout(report, track, new LanguageSwitch());
        links.setAlignItems(FlexComponent.Alignment.BASELINE);
        links.getStyle().set("flex-wrap", "wrap");
        VerticalLayout head = new VerticalLayout(title, links);
        head.setSpacing(false);
        head.setPadding(false);
        Header header = new Header(head);
        header.setWidthFull();
        header.getStyle().set("box-sizing", "border-box").set("padding", "var(--lumo-space-m)")
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)").set("max-width", "40em");

        content.setWidthFull();
        content.getStyle().set("box-sizing", "border-box").set("max-width", "40em")
                .set("padding", "0 var(--lumo-space-m)");
        Footer footer = new Footer(new Span(getTranslation("public.footer")));
        footer.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)")
                .set("padding", "var(--lumo-space-l) var(--lumo-space-m)").set("max-width", "40em");
        add(header, content, footer);
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        content.removeAll();
        if (view != null) {
            content.getElement().appendChild(view.getElement());
        }
    }

    /** The page shown in the layout (tests). */
    Component page() {
        return content.getChildren().findFirst().orElse(null);
    }
}
