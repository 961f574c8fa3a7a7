package org.civitas.dashboard.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * A number card: a label over a large figure, with an optional detail line. A card with {@link #linkTo} is a link to
 * the list behind its figure (a real link: keyboard, middle click and a new tab work as anywhere else).
 */
class Figure extends Anchor {

    private final Span value = new Span();
    private final Span detail = new Span();

    Figure(String id, String label, String figure) {
        setId(id);
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Padding.MEDIUM,
                LumoUtility.BorderRadius.MEDIUM, LumoUtility.Background.CONTRAST_5);
        Span caption = new Span(label);
        caption.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        value.setText(figure);
        value.addClassNames("figure-value", LumoUtility.FontSize.XXLARGE, LumoUtility.FontWeight.SEMIBOLD);
        detail.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.TERTIARY);
        add(caption, value, detail);
        getStyle().set("text-decoration", "none").set("color", "inherit");
    }

    Figure linkTo(String location) {
        setHref(location);
        getElement().setAttribute("router-link", true);
        addClassName("figure-link");
        return this;
    }

    String link() {
        return getHref();
    }

    Figure alarm(boolean on) {
        if (on) {
            value.addClassName(LumoUtility.TextColor.ERROR);
        }
        return this;
    }

    Figure detail(String text) {
        detail.setText(text);
        return this;
    }

    String value() {
        return value.getText();
    }
}
