package org.civitas.citizen.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.civitas.cases.PublicCase;
import org.civitas.catalog.CatalogService;
import org.civitas.catalog.ItemView;
import org.civitas.catalog.UnitView;

/**
 * A case as its complainant sees it. Everything is set as text (never HTML): what the citizen typed comes back
 * exactly as typed, markup included, and is never interpreted.
 */
class PublicCaseCard extends VerticalLayout {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    final Span status = new Span();
    final Paragraph address = new Paragraph();
    final Paragraph description = new Paragraph();
    final UnorderedList timeline = new UnorderedList();
    final Paragraph reply = new Paragraph();

    PublicCaseCard(PublicCase c, CatalogService catalog, LocalDate today) {
        setId("public-case");
        setPadding(false);
        setSpacing(false);
        status.setId("public-case-status");
        status.setText(getTranslation("CaseStatus." + c.status().name()));
        status.getElement().getThemeList().add("badge");
        add(new H3(c.number()), field("public.track.status", status),
                field("public.track.received", text(time(c.receivedAt()))));
        if (c.itemCode() != null) {
            long version = catalog.currentVersion(today).id();
            String item = catalog.item(version, c.itemCode()).map(ItemView::name).orElse(c.itemCode());
            add(field("public.track.item", text(item)));
        }
        if (c.leadUnitCode() != null) {
            add(field("public.track.unit", text(catalog.unit(c.leadUnitCode()).map(UnitView::name)
                    .orElse(c.leadUnitCode()))));
        }
        if (c.handleDueAt() != null) {
            add(field("public.track.due", text(time(c.handleDueAt()))));
        }
        address.setId("public-case-address");
        address.setText(c.address());
        description.setId("public-case-description");
        description.setText(c.description());
        description.getStyle().set("white-space", "pre-wrap");
        add(field("public.track.address", address), field("public.track.description", description));

        timeline.setId("public-case-timeline");
        for (PublicCase.Step s : c.steps()) {
            timeline.add(new ListItem(getTranslation("public.track.step", time(s.at()),
                    getTranslation("CaseAction." + s.action().name()),
                    s.status() == null ? "" : getTranslation("CaseStatus." + s.status().name()))));
        }
        add(new H3(getTranslation("public.track.timeline")), timeline);
        if (c.reply() != null) {
            reply.setId("public-case-reply");
            reply.setText(c.reply());
            reply.getStyle().set("white-space", "pre-wrap");
            add(new H3(getTranslation("public.track.reply")),
                    field("public.track.repliedAt", text(time(c.repliedAt()))), reply);
        }
        if (c.rating() != null) {
            Span rated = text(getTranslation("public.track.rated", getTranslation("Rating." + c.rating().name())));
            rated.setId("public-case-rated");
            add(rated);
        }
    }

    private Div field(String labelKey, com.vaadin.flow.component.Component value) {
        Span label = new Span(getTranslation("public.track.field", getTranslation(labelKey)));
        label.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Div row = new Div(label, value);
        row.getStyle().set("margin", "var(--lumo-space-xs) 0");
        return row;
    }

    private static Span text(String s) {
        return new Span(s);
    }

    private static String time(LocalDateTime t) {
        return t == null ? "" : t.format(TIME);
    }
}
