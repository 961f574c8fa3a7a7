package org.civitas.supervision.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.civitas.base.ActorNames;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.ui.caseview.CasePanel;
import org.civitas.base.identity.AppRoles;
import org.civitas.base.identity.CurrentUser;
import org.civitas.supervision.SupervisionService;
import org.springframework.core.annotation.Order;

/** The case's supervision orders under its sections, for the roles that may read them (docs/design.md §6). */
@org.springframework.stereotype.Component
@Order(10)
class SupervisionCasePanel implements CasePanel {

    private final SupervisionService service;
    private final CurrentUser currentUser;
    private final ActorNames names;

    SupervisionCasePanel(SupervisionService service, CurrentUser currentUser, ActorNames names) {
        this.service = service;
        this.currentUser = currentUser;
        this.names = names;
    }

    @Override
    public Optional<Component> create(CaseDetails details, Runnable onChange) {
        if (!currentUser.hasRole(AppRoles.SUPERVISOR) && !currentUser.hasRole(AppRoles.UNIT_CLERK)
                && !currentUser.hasRole(AppRoles.LEADER)) {
            return Optional.empty();
        }
        SupervisionPanel panel = new SupervisionPanel(service, currentUser, names, details.id(), details.number(), onChange);
        panel.setId("case-supervision");
        return Optional.of(panel);
    }
}
