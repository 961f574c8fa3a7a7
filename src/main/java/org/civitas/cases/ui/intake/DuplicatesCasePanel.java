package org.civitas.cases.ui.intake;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import java.util.List;
import java.util.Optional;
import org.civitas.base.RuleViolation;
import org.civitas.base.identity.AppRoles;
import org.civitas.base.identity.CurrentUser;
import org.civitas.base.ui.Toasts;
import org.civitas.cases.CaseAction;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.duplicates.DuplicateMatch;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.cases.lifecycle.DuplicateFinder;
import org.civitas.cases.ui.caseview.CasePanel;
import org.springframework.core.annotation.Order;

/**
 * Duplicates on the case view (docs/design.md §4, DD048): a report that came in without an operator (a channel system,
 * the public form) is offered for merging here, to the operator and the supervisor, when open cases of the same item
 * or category stand at the same place. The supervisor, who may merge, merges this case into the chosen one after
 * confirming what will happen. Nothing is shown when there are none.
 */
@org.springframework.stereotype.Component
@Order(5)
class DuplicatesCasePanel implements CasePanel {

    private final DuplicateFinder finder;
    private final CaseService cases;
    private final CurrentUser currentUser;

    DuplicatesCasePanel(DuplicateFinder finder, CaseService cases, CurrentUser currentUser) {
        this.finder = finder;
        this.cases = cases;
        this.currentUser = currentUser;
    }

    @Override
    public Optional<Component> create(CaseDetails details, Runnable onChange) {
        if (!currentUser.hasRole(AppRoles.OPERATOR) && !currentUser.hasRole(AppRoles.SUPERVISOR)) {
            return Optional.empty();
        }
        List<DuplicateMatch> found = finder.matchesOf(details.id());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        IntakeDuplicates panel = new IntakeDuplicates(IntakeView.DUPLICATE_DAYS);
        panel.setId("case-duplicates");
        panel.show(found);
        if (cases.allowedActions(details).contains(CaseAction.MERGE)) {
            panel.onMerge(m -> confirm(panel, details, m, onChange));
        }
        return Optional.of(panel);
    }

    private void confirm(Component panel, CaseDetails details, DuplicateMatch m, Runnable onChange) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("case-merge-confirm");
        confirm.setHeader(panel.getTranslation("caseview.merge.title", m.details().number()));
        confirm.setText(panel.getTranslation("caseview.merge.summary", m.details().number(), details.number(),
                m.details().address()));
        confirm.setCancelable(true);
        confirm.setCancelText(panel.getTranslation("action.cancel"));
        confirm.setConfirmText(panel.getTranslation("caseview.merge.confirm"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            try {
                cases.merge(details.ref(), m.details().number());
            } catch (RuleViolation v) {
                Toasts.refused(v);
                return;
            }
            Toasts.success(panel.getTranslation("caseview.merge.done", m.details().number()));
            onChange.run();
        });
        confirm.open();
    }
}
