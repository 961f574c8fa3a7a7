package org.civitas.base.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.civitas.catalog.CatalogService;
import org.civitas.catalog.UnitView;
import org.civitas.dashboard.DashboardService;
import org.civitas.dashboard.ui.InspectorPanel;
import org.civitas.dashboard.ui.OperatorPanel;
import org.civitas.dashboard.ui.OverviewPanel;
import org.civitas.dashboard.ui.QueuePanel;
import org.civitas.inspection.InspectionService;
import org.civitas.base.identity.AppRoles;
import org.civitas.base.identity.CurrentUser;

/**
 * 工作台: the landing page of every role, each with its own 我的待办: the operator their registrations of the day and
 * the classification queue, the inspector their rounds and notices due, the clerk and the supervisor their case
 * queue and nearest deadlines; supervisors and leaders also the day's and month's figures with charts (a leader's
 * queue cards are those figures, not a to-do list). Every card links to the list behind it. Administrators and
 * auditors see no case content (等保 separation of duties), only the welcome.
 */
@Route("")
@Menu(order = 0, title = "menu.home", icon = "vaadin:home")
@PermitAll
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    /** The roles whose work is the case queue itself. */
    private static final List<String> QUEUE_ROLES = List.of(AppRoles.SUPERVISOR, AppRoles.UNIT_CLERK);

    public HomeView(CurrentUser currentUser, CatalogService catalog, DashboardService dashboard,
                    InspectionService inspections, Clock clock) {
        add(new H2(getTranslation("home.welcome", currentUser.displayName())));
        String roles = AppRoles.ALL.stream().filter(currentUser::hasRole)
                .map(r -> getTranslation("role." + r)).collect(Collectors.joining(getTranslation("list.separator")));
        add(new Paragraph(getTranslation("home.roles", roles)));
        currentUser.unitCode().ifPresent(code -> add(new Paragraph(getTranslation("home.unit",
                catalog.unit(code).map(UnitView::name).orElse(code)))));

        if (currentUser.hasRole(AppRoles.SUPERVISOR) || currentUser.hasRole(AppRoles.LEADER)) {
            add(new OverviewPanel(dashboard.overview()));
        }
        if (currentUser.hasRole(AppRoles.OPERATOR)) {
            add(new OperatorPanel(dashboard, clock));
        }
        if (currentUser.hasRole(AppRoles.INSPECTOR)) {
            add(new InspectorPanel(inspections));
        }
        if (QUEUE_ROLES.stream().anyMatch(currentUser::hasRole)) {
            add(new QueuePanel(dashboard, catalog, clock));
        } else if (currentUser.hasRole(AppRoles.LEADER)) {
            add(new QueuePanel(dashboard, catalog, clock, "dashboard.queue.figures"));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.home") + " · " + getTranslation("app.name");
    }
}
