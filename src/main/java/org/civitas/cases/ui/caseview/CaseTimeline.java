package org.civitas.cases.ui.caseview;

import static org.civitas.cases.ui.caseview.CaseFormat.label;
import static org.civitas.cases.ui.caseview.CaseFormat.time;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.function.Function;
import org.civitas.base.ActorNames;
import org.civitas.cases.HistoryEntry;

/** The case's history as a timeline, oldest first and newest last: when, who, what, from which state to which. */
class CaseTimeline extends VerticalLayout {

    final List<HistoryEntry> entries;

    CaseTimeline(List<HistoryEntry> entries, Function<String, String> unitName, ActorNames names) {
        this.entries = entries;
        setPadding(false);
        setSpacing(false);
        for (HistoryEntry h : entries) {
            Span at = new Span(time(h.at()));
            at.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin-right", "var(--lumo-space-s)");
            Span action = new Span(getTranslation(h.action().labelKey()));
            action.getElement().getThemeList().add("badge");
            action.addClassName("case-history-action");
            Span actor = new Span(names.of(h.actor(), this::getTranslation));
            actor.getStyle().set("margin", "0 var(--lumo-space-s)");
            Div row = new Div(at, action, actor);
            if (h.from() != null && h.to() != null && h.from() != h.to()) {
                row.add(new Span(label(h.from()) + " → " + label(h.to())));
            } else if (h.from() == null && h.to() != null) {
                row.add(new Span("→ " + label(h.to())));
            }
            if (h.unitCode() != null) {
                row.add(new Span(" · " + unitName.apply(h.unitCode())));
            }
            Div entry = new Div(row);
            if (h.note() != null && !h.note().isBlank()) {
                Div note = new Div(h.note());
                note.getStyle().set("white-space", "pre-wrap").set("color", "var(--lumo-secondary-text-color)");
                entry.add(note);
            }
            entry.addClassName("case-history-entry");
            entry.getStyle().set("border-left", "3px solid var(--lumo-primary-color-50pct)")
                    .set("padding", "var(--lumo-space-xs) var(--lumo-space-s)").set("margin-left", "var(--lumo-space-xs)");
            add(entry);
        }
    }
}
