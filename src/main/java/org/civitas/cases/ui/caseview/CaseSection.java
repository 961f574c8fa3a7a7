package org.civitas.cases.ui.caseview;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** A titled block of read-only label/value pairs on the case view. */
class CaseSection extends VerticalLayout {

    private final FormLayout form = new FormLayout();

    CaseSection(String titleKey) {
        setPadding(false);
        setSpacing(false);
        H3 title = new H3(getTranslation(titleKey));
        title.getStyle().set("margin-top", "var(--lumo-space-m)");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1),
                new FormLayout.ResponsiveStep("40em", 2), new FormLayout.ResponsiveStep("70em", 3));
        add(title, form);
    }

    /** Adds a value under its label; {@code id} (may be null) lets tests and assistive tools find it. */
    Span field(String labelKey, String value, String id) {
        Span span = new Span(value == null || value.isBlank() ? CaseFormat.NONE : value);
        if (id != null) {
            span.setId(id);
        }
        form.addFormItem(span, getTranslation(labelKey));
        return span;
    }

    Span field(String labelKey, String value) {
        return field(labelKey, value, null);
    }

    /** A value that takes the whole width, e.g. a description or a reply text. */
    void wide(String labelKey, Component value) {
        form.setColspan(form.addFormItem(value, getTranslation(labelKey)), 3);
    }
}
