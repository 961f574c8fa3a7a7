package org.civitas.dashboard.ui;

import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.civitas.dashboard.DashboardService;
import org.civitas.dashboard.OperatorWork;

/**
 * An operator's 我的待办: the cases they registered today and the classification queue, each a link to the inbox.
 * The inbox has no "registered by" filter, so the first card opens today's received cases.
 */
public class OperatorPanel extends VerticalLayout {

    public OperatorPanel(DashboardService dashboard, Clock clock) {
        setId("operator-panel");
        setPadding(false);
        Locale locale = getLocale();
        OperatorWork w = dashboard.operatorWork();
        String today = LocalDate.now(clock).toString();
        Figures cards = new Figures("operator-work");
        cards.add(new Figure("work-registeredToday", getTranslation("dashboard.work.registeredToday"),
                        Figures.count(w.registeredToday(), locale)).linkTo("cases?from=" + today + "&to=" + today),
                new Figure("work-toClassify", getTranslation("dashboard.work.toClassify"),
                        Figures.count(w.toClassify(), locale)).linkTo("cases?status=REGISTERED"));
        add(new H3(getTranslation("dashboard.queue")), cards);
    }
}
