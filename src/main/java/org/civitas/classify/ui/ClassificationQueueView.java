package org.civitas.classify.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.civitas.base.identity.AppRoles;
import org.civitas.classify.ClassifierService;
import org.civitas.classify.QueuedReport;
import org.civitas.classify.Suggestion;

/**
 * 待分类: the cases no item was chosen for, each with the classifier's suggestions (DD051). Emergency-looking reports
 * first, flagged, then the longest waiting. A case opens in the case view, where the supervisor classifies it
 * (the route is named, not the class: cases stand above the classifier).
 */
@Route("classifier/queue")
@Menu(order = 11, title = "menu.classificationQueue", icon = "vaadin:split")
@RolesAllowed({AppRoles.OPERATOR, AppRoles.SUPERVISOR})
public class ClassificationQueueView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final int EXCERPT = 60;

    final Grid<QueuedReport> grid = new Grid<>();

    final Paragraph help = new Paragraph();

    public ClassificationQueueView(ClassifierService classifier, Clock clock) {
        setPadding(true);
        setSizeFull();
        LocalDateTime now = LocalDateTime.now(clock);
        grid.addComponentColumn(q -> {
            Anchor a = new Anchor("cases/" + q.caseId(), q.number());
            a.addClassName("queue-case");
            return a;
        }).setHeader(getTranslation("queue.number")).setWidth("12em").setFlexGrow(0);
        grid.addColumn(q -> TIME.format(q.receivedAt()) + " · " + waited(Duration.between(q.receivedAt(), now)))
                .setHeader(getTranslation("queue.waiting")).setWidth("11em").setFlexGrow(0);
        grid.addColumn(q -> getTranslation("Channel." + q.channel())).setHeader(getTranslation("queue.channel"))
                .setWidth("7em").setFlexGrow(0);
        grid.addComponentColumn(this::text).setHeader(getTranslation("queue.text")).setFlexGrow(3);
        grid.addComponentColumn(this::suggestions).setHeader(getTranslation("queue.suggestions")).setFlexGrow(2);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setWidthFull();
        List<QueuedReport> queue = classifier.queue();
        grid.setItems(queue);
        grid.setEmptyStateText(getTranslation("queue.empty"));
        long total = classifier.queueSize();
        help.setText(getTranslation("queue.help", total)
                + (total > queue.size() ? getTranslation("queue.shown", queue.size()) : ""));
        add(new H2(getTranslation("menu.classificationQueue")), help, grid);
        setFlexGrow(1, grid);
    }

    private Div text(QueuedReport q) {
        Div d = new Div();
        if (q.emergency()) {
            Span flag = new Span(getTranslation("queue.emergency", String.join(" ", q.emergencyWords())));
            flag.getElement().getThemeList().add("badge error");
            flag.addClassName("queue-emergency");
            flag.getStyle().set("margin-right", "var(--lumo-space-xs)");
            d.add(flag);
        }
        String t = q.description() == null ? "" : q.description();
        d.add(new Span(t.length() > EXCERPT ? t.substring(0, EXCERPT) + "…" : t));
        d.setTitle(t);
        return d;
    }

    private Div suggestions(QueuedReport q) {
        Div d = new Div();
        for (Suggestion s : q.suggestions()) {
            Span chip = new Span(getTranslation("queue.suggestion", s.itemName(), Math.round(s.score() * 100)));
            chip.getElement().getThemeList().add("badge contrast");
            chip.getStyle().set("margin", "0 var(--lumo-space-xs) var(--lumo-space-xs) 0");
            d.add(chip);
        }
        return d;
    }

    private String waited(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        return minutes < 60 ? getTranslation("queue.minutes", minutes)
                : minutes < 48 * 60 ? getTranslation("queue.hours", minutes / 60)
                : getTranslation("queue.days", minutes / (24 * 60));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.classificationQueue");
    }
}
