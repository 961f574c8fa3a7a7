package org.civitas.cases.ui.caseview;

import static org.civitas.cases.ui.caseview.CaseFormat.label;
import static org.civitas.cases.ui.caseview.CaseFormat.time;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.function.Function;
import org.civitas.cases.RequestState;
import org.civitas.cases.RequestView;

/** Return and extension requests on the case with their approval state, oldest first. */
class CaseRequests extends VerticalLayout {

    final List<RequestView> requests;

    CaseRequests(List<RequestView> requests, Function<String, String> unitName) {
        this.requests = requests;
        setPadding(false);
        for (RequestView r : requests) {
            Span kind = new Span(label(r.kind()));
            kind.getStyle().set("font-weight", "bold");
            Span state = new Span(label(r.state()));
            state.getElement().getThemeList().add(r.state() == RequestState.PENDING ? "badge"
                    : r.state() == RequestState.APPROVED ? "badge success" : "badge error");
            Div head = new Div(kind, new Span(" "), state, new Span(" " + getTranslation("caseview.request.by",
                    r.requestedBy(), time(r.requestedAt()), unitName.apply(r.unitCode()))));
            Div card = new Div(head, line("caseview.request.reason", r.reason()));
            if (r.legalBasis() != null && !r.legalBasis().isBlank()) {
                card.add(line("caseview.request.legalBasis", r.legalBasis()));
            }
            if (r.requestedDue() != null) {
                card.add(line("caseview.request.due", time(r.requestedDue())));
            }
            if (r.state() != RequestState.PENDING) {
                card.add(line("caseview.request.decided", getTranslation("caseview.request.decidedBy",
                        r.decidedBy(), time(r.decidedAt()), CaseFormat.text(r.decisionNote()))));
            }
            if (r.targetUnitCode() != null) {
                card.add(line("caseview.request.target", unitName.apply(r.targetUnitCode())));
            }
            card.addClassName("case-request");
            card.getStyle().set("border-left", "3px solid var(--lumo-contrast-30pct)")
                    .set("padding-left", "var(--lumo-space-s)");
            add(card);
        }
    }

    private Div line(String labelKey, String value) {
        return new Div(new Span(getTranslation(labelKey) + ": "), new Span(CaseFormat.text(value)));
    }
}
