package org.civitas.supervision.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.civitas.base.ActorNames;
import org.civitas.base.ui.PhoneColumns;
import org.civitas.base.ui.Toasts;
import org.civitas.base.identity.AppRoles;
import org.civitas.base.identity.CurrentUser;
import org.civitas.supervision.OrderRow;
import org.civitas.supervision.SupervisionService;

/**
 * The reminders and supervision orders of one case, for the case view to embed: a supervisor issues, the clerk of
 * the addressed unit answers. {@code onChange} runs after either, so the case view can reload its history.
 */
public class SupervisionPanel extends VerticalLayout {

    private final SupervisionService service;
    private final long caseId;
    private final String caseNumber;
    private final Runnable onChange;
    final Grid<OrderRow> grid = new Grid<>();
    final Button issue;
    final OrderActions actions;

    public SupervisionPanel(SupervisionService service, CurrentUser user, ActorNames names, long caseId,
                            String caseNumber, Runnable onChange) {
        this.service = service;
        this.caseId = caseId;
        this.caseNumber = caseNumber;
        this.onChange = onChange == null ? () -> { } : onChange;
        this.actions = new OrderActions(service, user, this, this::changed);
        setPadding(false);
        issue = new Button(getTranslation("supervision.issue"), e -> openIssue());
        issue.setId("supervision-issue");
        issue.setVisible(user.hasRole(AppRoles.SUPERVISOR));
        HorizontalLayout header = new HorizontalLayout(new H4(getTranslation("supervision.panel")), issue);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        OrderColumns.add(grid, this, names);
        grid.addComponentColumn(actions::buttons).setAutoWidth(true);
        // on a phone: level, reason, state and the answer button; the times, the issuer and the answer on a desktop
        PhoneColumns.hideOnPhone(this, PhoneColumns.at(grid, 2, 3, 4, 6));
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText(getTranslation("supervision.none"));
        add(header, grid);
        refresh();
    }

    public void refresh() {
        grid.setItems(service.ordersOf(caseId));
    }

    IssueDialog openIssue() {
        IssueDialog d = new IssueDialog(caseNumber, form -> Toasts.attempt(
                () -> service.issue(caseId, form.level(), form.reason(), form.dueAt()),
                getTranslation("supervision.issued", caseNumber,
                        form.level() == null ? "" : getTranslation(form.level().labelKey()))).map(r -> {
                    changed();
                    return true;
                }).orElse(false));
        d.open();
        return d;
    }

    private void changed() {
        refresh();
        onChange.run();
    }
}
