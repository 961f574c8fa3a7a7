package org.civitas.scoring.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.YearMonth;
import java.util.List;
import org.civitas.catalog.PeerGroup;
import org.civitas.scoring.PublicStats;
import org.civitas.scoring.PublishedItem;
import org.civitas.scoring.Ratio;
import org.civitas.scoring.UnitScore;
import org.civitas.scoring.ScoringService;

/** 公开统计: the published monthly figures and top problems, without login and without any personal data. */
@Route(value = "public/stats", autoLayout = false)
@AnonymousAllowed
public class PublicStatsView extends VerticalLayout implements HasDynamicTitle {

    private final ScoringService service;
    final ComboBox<YearMonth> month = new ComboBox<>();
    final VerticalLayout body = new VerticalLayout();
    PublicStats stats;

    public PublicStatsView(ScoringService service) {
        this.service = service;
        List<YearMonth> months = service.publishedMonths();
        month.setLabel(getTranslation("rankings.month"));
        month.setItems(months);
        month.setItemLabelGenerator(YearMonth::toString);
        month.addValueChangeListener(e -> show());
        body.setPadding(false);
        add(new H1(getTranslation("publicStats.title")), month, body);
        if (months.isEmpty()) {
            body.add(new Span(getTranslation("publicStats.none")));
        } else {
            month.setValue(months.get(0));
        }
    }

    void show() {
        body.removeAll();
        if (month.getValue() == null) {
            return;
        }
        stats = service.publicStats(month.getValue());
        body.add(new Span(getTranslation("publicStats.city", total(UnitScore::onTime).percent(),
                total(UnitScore::satisfaction).percent(), total(UnitScore::solved).percent())));
        for (PeerGroup g : PeerGroup.values()) {
            body.add(new H3(getTranslation("rankings.group." + g.name())),
                    new ScoreGrid(stats.scores().group(g), this::getTranslation, false));
        }
        Grid<PublishedItem> items = new Grid<>();
        items.addColumn(PublishedItem::itemCode).setHeader(getTranslation("publicStats.itemCode")).setAutoWidth(true);
        items.addColumn(PublishedItem::itemName).setHeader(getTranslation("publicStats.item")).setAutoWidth(true);
        items.addColumn(PublishedItem::cases).setHeader(getTranslation("rankings.cases")).setAutoWidth(true);
        items.setItems(stats.topItems());
        items.setAllRowsVisible(true);
        body.add(new H3(getTranslation("publicStats.topItems")), items);
    }

    /** The city's rate: the units' counts added up (not an average of their rates). */
    Ratio total(java.util.function.Function<UnitScore, Ratio> rate) {
        long part = 0;
        long whole = 0;
        for (UnitScore u : stats.scores().units()) {
            part += rate.apply(u).part();
            whole += rate.apply(u).whole();
        }
        return new Ratio(part, whole);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("publicStats.title");
    }
}
