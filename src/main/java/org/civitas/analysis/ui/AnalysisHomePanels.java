package org.civitas.analysis.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.civitas.analysis.CityMapService;
import org.civitas.base.identity.AppRoles;
import org.civitas.base.identity.CurrentUser;
import org.civitas.base.ui.HomePanel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The city map on the supervisor's home page, below their figures and queue: the last 30 days, so a cluster that
 * grows this month shows before the half month ends.
 */
@Configuration
class AnalysisHomePanels {

    static final int DAYS = 30;

    @Bean
    @Order(50)
    HomePanel cityMapHomePanel(CurrentUser currentUser, CityMapService cityMap, Clock clock) {
        return () -> {
            if (!currentUser.hasRole(AppRoles.SUPERVISOR)) {
                return Optional.empty();
            }
            LocalDate today = LocalDate.now(clock);
            return Optional.of(new CityMapPanel(cityMap, today.minusDays(DAYS - 1), today, "home-map"));
        };
    }
}
