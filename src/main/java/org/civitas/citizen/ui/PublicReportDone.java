package org.civitas.citizen.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

/** After a report: the case number and its tracking code in large type, the two things that follow it. */
class PublicReportDone extends VerticalLayout {

    final Span number = new Span();
    final Span code = new Span();
    final Paragraph hint = new Paragraph();
    final RouterLink track = new RouterLink();
    final Button again = new Button();

    PublicReportDone() {
        setId("public-report-done");
        setPadding(false);
        number.setId("public-case-number");
        code.setId("public-case-code");
        for (Span big : new Span[] {number, code}) {
            big.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600")
                    .set("letter-spacing", "0.05em");
        }
        track.setText(getTranslation("public.report.done.track"));
        track.setId("public-done-track");
        again.setText(getTranslation("public.report.done.again"));
        again.setId("public-report-again");
        add(new H2(getTranslation("public.report.done.title")), new Span(getTranslation("public.report.done.number")),
                number, new Span(getTranslation("public.report.done.code")), code, hint, track, again);
    }

    void show(String caseNumber, String trackingCode) {
        number.setText(caseNumber);
        code.setText(trackingCode);
        hint.setText(getTranslation("public.report.done.hint", caseNumber, trackingCode));
        // the number only: the code stays out of links, browser history and referrers
        track.setRoute(PublicTrackView.class, new RouteParameters("number", caseNumber));
    }
}
