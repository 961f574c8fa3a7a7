package org.civitas.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.dialog.Dialog;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.civitas.audit.AuditEntry;
import org.civitas.audit.AuditTexts;

/** One audit row in full: who, what, on which object, the detail in words and every changed field on its own line. */
class AuditEntryDialog extends Dialog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    final UnorderedList changes = new UnorderedList();

    AuditEntryDialog(AuditEntry e, AuditTexts texts, String actorName) {
        setHeaderTitle(texts.action(e.getAction()));
        setWidth("min(56em, 95vw)");
        FormLayout facts = new FormLayout();
        facts.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        facts.addFormItem(new Span(TIME.format(e.getAt())), getTranslation("audit.at"));
        facts.addFormItem(new Span(actorName.equals(e.getActor()) ? actorName
                : getTranslation("audit.actor.option", actorName, e.getActor())), getTranslation("audit.actor"));
        facts.addFormItem(new Span(e.getAction()), getTranslation("audit.export.actionCode"));
        facts.addFormItem(new Span(texts.target(e)), getTranslation("audit.target"));
        facts.addFormItem(new Span(nullToEmpty(e.getClientIp())), getTranslation("audit.ip"));
        facts.addFormItem(new Span(String.valueOf(e.getId())), getTranslation("audit.export.id"));
        add(facts);
        String detail = texts.detail(e.getDetail());
        if (!detail.isEmpty()) {
            Div d = new Div(detail);
            d.setId("audit-entry-detail");
            d.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere");
            add(heading("audit.detail"), d);
        }
        List<AuditTexts.Change> list = texts.changes(e.getBefore(), e.getAfter());
        if (!list.isEmpty()) {
            list.forEach(c -> changes.add(new ListItem(texts.line(c))));
            changes.setId("audit-entry-changes");
            changes.getStyle().set("overflow-wrap", "anywhere");
            add(heading("audit.export.changes"), changes);
        }
        getFooter().add(new Button(getTranslation("action.close"), x -> close()));
    }

    private Span heading(String key) {
        Span h = new Span(getTranslation(key));
        h.getStyle().set("font-weight", "600").set("display", "block").set("margin-top", "var(--lumo-space-m)");
        return h;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
