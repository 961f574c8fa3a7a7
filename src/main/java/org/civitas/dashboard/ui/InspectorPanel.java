package org.civitas.dashboard.ui;

import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Locale;
import org.civitas.inspection.InspectionService;
import org.civitas.inspection.InspectorWork;

/**
 * An inspector's 我的待办: their rounds not yet over, and the notices of their rounds due this week, overdue, or
 * answered and waiting for the re-inspection; each card links to the list behind it.
 */
public class InspectorPanel extends VerticalLayout {

    public InspectorPanel(InspectionService inspections) {
        setId("inspector-panel");
        setPadding(false);
        Locale locale = getLocale();
        InspectorWork w = inspections.myWork();
        Figures cards = new Figures("inspector-work");
        cards.add(new Figure("work-openRounds", getTranslation("dashboard.work.openRounds"),
                        Figures.count(w.openRounds(), locale)).linkTo("inspections?mine=open"),
                new Figure("work-dueThisWeek", getTranslation("dashboard.work.dueThisWeek"),
                        Figures.count(w.dueThisWeek(), locale)).linkTo("notices?due=week"),
                new Figure("work-noticesOverdue", getTranslation("dashboard.work.noticesOverdue"),
                        Figures.count(w.overdue(), locale)).alarm(w.overdue() > 0).linkTo("notices?due=overdue"),
                new Figure("work-awaitingReinspection", getTranslation("dashboard.work.awaitingReinspection"),
                        Figures.count(w.awaitingReinspection(), locale)).linkTo("notices?due=answered"));
        add(new H3(getTranslation("dashboard.queue")), cards);
    }
}
