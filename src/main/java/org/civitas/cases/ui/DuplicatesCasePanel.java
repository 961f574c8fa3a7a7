package org.civitas.cases.ui;

import com.vaadin.flow.component.Component;
import java.util.List;
import java.util.Optional;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.DuplicateFinder;
import org.civitas.security.AppRoles;
import org.civitas.security.CurrentUser;
import org.springframework.core.annotation.Order;

/**
 * The duplicate finder on the case view (DESIGN §3): a report that came in without an operator (a channel system,
 * the public form) is offered for merging here, to the operator and the supervisor, when open cases of the same item
 * stand at the same street and address or within 50 m. Nothing is shown when there are none.
 */
@org.springframework.stereotype.Component
@Order(5)
class DuplicatesCasePanel implements CasePanel {

    private final DuplicateFinder finder;
    private final CurrentUser currentUser;

    DuplicatesCasePanel(DuplicateFinder finder, CurrentUser currentUser) {
        this.finder = finder;
        this.currentUser = currentUser;
    }

    @Override
    public Optional<Component> create(CaseDetails details, Runnable onChange) {
        if (!currentUser.hasRole(AppRoles.OPERATOR) && !currentUser.hasRole(AppRoles.SUPERVISOR)) {
            return Optional.empty();
        }
        List<CaseDetails> found = finder.possibleDuplicatesOf(details.id());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        IntakeDuplicates panel = new IntakeDuplicates(IntakeView.DUPLICATE_DAYS);
        panel.setId("case-duplicates");
        panel.show(found);
        return Optional.of(panel);
    }
}
