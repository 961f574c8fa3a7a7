package org.civitas.base.ui;

import com.vaadin.flow.component.html.Paragraph;

/**
 * One short line under a figure or a table saying what it counts (口径). Screens count differently on purpose — the
 * analysis and the rankings by the time a case was received, the deadline board the cases open now — and a reader
 * comparing two numbers should see why they differ without asking.
 */
public class CountingBasis extends Paragraph {

    public CountingBasis(String id, String key) {
        setId(id);
        setText(getTranslation(key));
        getStyle().set("margin", "0").set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-s)");
    }
}
