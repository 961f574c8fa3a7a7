package org.civitas.notify;

import java.util.List;
import org.civitas.supervision.CasesOverdue;
import org.civitas.supervision.CasesWarned;
import org.civitas.supervision.SupervisionOrderAnswered;
import org.civitas.supervision.SupervisionOrderIssued;
import org.civitas.supervision.SweptCase;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells units about their deadlines and the city office's orders, and the issuing supervisor about an answer
 * (docs/design.md §6). Plain listeners, like {@link CaseNotifications}: the notice commits or rolls back with the sweep or
 * the order that caused it.
 */
@Component
class SupervisionNotifications {

    private final NotificationService notifications;

    SupervisionNotifications(NotificationService notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(CasesWarned e) {
        notifications.notifyUnits(NotificationKind.WARNING, "notify.warning", notices(e.cases()));
    }

    /** The sweep's automatic reminders are announced here, once per overdue case. */
    @EventListener
    void on(CasesOverdue e) {
        notifications.notifyUnits(NotificationKind.OVERDUE, "notify.overdue", notices(e.cases()));
    }

    // The sweep's automatic supervision orders (CasesSupervised) notify nobody, as before the sweep announced in
    // bulk: only an order a supervisor issues reaches the unit's bell.

    @EventListener
    void on(SupervisionOrderIssued e) {
        notifications.notifyUnit(e.unitCode(), NotificationKind.SUPERVISION_ORDER, e.caseId(), e.caseNumber(),
                "notify.order." + e.level().name(), e.caseNumber(), e.dueAt());
    }

    private static List<CaseNotice> notices(List<SweptCase> cases) {
        return cases.stream().map(c -> new CaseNotice(c.unitCode(), c.caseId(), c.caseNumber(),
                List.of(c.caseNumber(), c.handleDueAt()))).toList();
    }

    @EventListener
    void on(SupervisionOrderAnswered e) {
        if (e.issuedBy() == null) {
            return;
        }
        notifications.notifyUsers(List.of(e.issuedBy()), NotificationKind.SUPERVISION_ORDER, e.caseId(),
                e.caseNumber(), "notify.order.answered", e.caseNumber(), e.answeredBy());
    }
}
