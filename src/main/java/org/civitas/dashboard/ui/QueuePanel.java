package org.civitas.dashboard.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civitas.catalog.CatalogService;
import org.civitas.base.ui.CountingBasis;
import org.civitas.catalog.UnitView;
import org.civitas.dashboard.DashboardService;
import org.civitas.dashboard.DeadlineRow;
import org.civitas.dashboard.QueueCounts;

/**
 * My queue (我的待办): the open cases of the user's scope by state, and the ten nearest deadlines. Each card links to
 * the inbox filtered the same way (the inbox applies the same scope). A leader has no queue of their own: the same
 * cards are their city's (or unit's) figures, under that title.
 */
public class QueuePanel extends VerticalLayout {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CatalogService catalog;
    private final Map<String, String> unitNames = new HashMap<>();

    public QueuePanel(DashboardService dashboard, CatalogService catalog, Clock clock) {
        this(dashboard, catalog, clock, "dashboard.queue");
    }

    public QueuePanel(DashboardService dashboard, CatalogService catalog, Clock clock, String titleKey) {
        this.catalog = catalog;
        setId("queue-panel");
        setPadding(false);
        Locale locale = getLocale();
        QueueCounts q = dashboard.queue();
        Figures cards = new Figures("queue");
        cards.add(new Figure("queue-toSign", getTranslation("dashboard.queue.toSign"), Figures.count(q.toSign(), locale))
                        .linkTo("cases?status=DISPATCHED"),
                new Figure("queue-inProgress", getTranslation("dashboard.queue.inProgress"),
                        Figures.count(q.inProgress(), locale)).linkTo("cases?status=IN_PROGRESS"),
                new Figure("queue-returnRequested", getTranslation("dashboard.queue.returnRequested"),
                        Figures.count(q.returnRequested(), locale)).linkTo("cases?status=RETURN_REQUESTED"),
                new Figure("queue-awaitingRating", getTranslation("dashboard.queue.awaitingRating"),
                        Figures.count(q.awaitingRating(), locale)).linkTo("cases?status=REPLIED"),
                new Figure("queue-inWarning", getTranslation("dashboard.queue.inWarning"),
                        Figures.count(q.inWarning(), locale)).linkTo("cases?dueSoon=true"),
                new Figure("queue-overdue", getTranslation("dashboard.queue.overdue"),
                        Figures.count(q.overdue(), locale)).alarm(q.overdue() > 0).linkTo("cases?overdue=true"));
        add(new H3(getTranslation(titleKey)), cards, new CountingBasis("queue-basis", "dashboard.queue.basis"),
                new H3(getTranslation("dashboard.deadlines")),
                deadlines(dashboard.nearestDeadlines(), LocalDateTime.now(clock)));
    }

    private Grid<DeadlineRow> deadlines(List<DeadlineRow> rows, LocalDateTime now) {
        Grid<DeadlineRow> grid = new Grid<>();
        grid.setId("deadlines");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(DeadlineRow::number).setHeader(getTranslation("dashboard.col.number")).setAutoWidth(true);
        // the shares left at 1,366 px cut long names (市城市管理执法委员会): hover shows them whole
        grid.addColumn(r -> r.itemName() == null ? "" : r.itemName())
                .setTooltipGenerator(r -> r.itemName() == null ? "" : r.itemName())
                .setHeader(getTranslation("dashboard.col.item")).setFlexGrow(2);
        grid.addColumn(r -> unitName(r.handlingUnitCode() != null ? r.handlingUnitCode() : r.leadUnitCode()))
                .setTooltipGenerator(r -> unitName(r.handlingUnitCode() != null ? r.handlingUnitCode()
                        : r.leadUnitCode()))
                .setHeader(getTranslation("dashboard.col.unit")).setFlexGrow(1);
        grid.addColumn(r -> getTranslation(r.status().labelKey())).setHeader(getTranslation("dashboard.col.status"))
                .setAutoWidth(true);
        grid.addColumn(r -> DUE.format(r.handleDueAt())).setHeader(getTranslation("dashboard.col.due"))
                .setAutoWidth(true);
        grid.addComponentColumn(r -> state(r, now)).setHeader(getTranslation("dashboard.col.state"))
                .setAutoWidth(true);
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("dashboard.deadlines.none"));
        grid.addItemClickListener(e -> grid.getUI().ifPresent(ui -> ui.navigate("cases/" + e.getItem().id())));
        return grid;
    }

    private Span state(DeadlineRow r, LocalDateTime now) {
        Span badge;
        if (r.overdue(now)) {
            badge = new Span(getTranslation("dashboard.state.overdue"));
            badge.getElement().getThemeList().add("badge error");
        } else if (r.inWarning(now)) {
            badge = new Span(getTranslation("dashboard.state.warning"));
            badge.getElement().getThemeList().add("badge contrast");
        } else {
            badge = new Span(getTranslation("dashboard.state.normal"));
            badge.getElement().getThemeList().add("badge success");
        }
        return badge;
    }

    private String unitName(String code) {
        if (code == null) {
            return "";
        }
        return unitNames.computeIfAbsent(code, c -> catalog.unit(c).map(UnitView::name).orElse(c));
    }
}
