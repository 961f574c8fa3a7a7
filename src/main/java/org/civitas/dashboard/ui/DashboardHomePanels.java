package org.civitas.dashboard.ui;

import com.vaadin.flow.component.Component;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.civitas.base.identity.AppRoles;
import org.civitas.base.identity.CurrentUser;
import org.civitas.base.ui.HomePanel;
import org.civitas.catalog.CatalogService;
import org.civitas.dashboard.DashboardService;
import org.civitas.inspection.InspectionService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The dashboard's parts of the home page, each for the roles whose work it shows, in the order they stand there:
 * supervisors and leaders the day's and month's figures, the operator their registrations, the inspector their
 * rounds and notices, the clerk and the supervisor their case queue (a leader's queue cards are figures, not a
 * to-do list). Administrators and auditors get none of them: no case content (等保 separation of duties).
 */
@Configuration
class DashboardHomePanels {

    /** The roles whose work is the case queue itself. */
    private static final List<String> QUEUE_ROLES = List.of(AppRoles.SUPERVISOR, AppRoles.UNIT_CLERK);

    @Bean
    @Order(10)
    HomePanel overviewHomePanel(CurrentUser currentUser, DashboardService dashboard) {
        return () -> currentUser.hasRole(AppRoles.SUPERVISOR) || currentUser.hasRole(AppRoles.LEADER)
                ? Optional.of(new OverviewPanel(dashboard.overview())) : Optional.empty();
    }

    @Bean
    @Order(20)
    HomePanel operatorHomePanel(CurrentUser currentUser, DashboardService dashboard, Clock clock) {
        return () -> currentUser.hasRole(AppRoles.OPERATOR)
                ? Optional.of(new OperatorPanel(dashboard, clock)) : Optional.empty();
    }

    @Bean
    @Order(30)
    HomePanel inspectorHomePanel(CurrentUser currentUser, InspectionService inspections) {
        return () -> currentUser.hasRole(AppRoles.INSPECTOR)
                ? Optional.of(new InspectorPanel(inspections)) : Optional.empty();
    }

    @Bean
    @Order(40)
    HomePanel queueHomePanel(CurrentUser currentUser, DashboardService dashboard, CatalogService catalog,
                             Clock clock) {
        return () -> {
            Component queue = null;
            if (QUEUE_ROLES.stream().anyMatch(currentUser::hasRole)) {
                queue = new QueuePanel(dashboard, catalog, clock);
            } else if (currentUser.hasRole(AppRoles.LEADER)) {
                queue = new QueuePanel(dashboard, catalog, clock, "dashboard.queue.figures");
            }
            return Optional.ofNullable(queue);
        };
    }
}
