package org.civitas.notify;

import java.util.List;
import org.civitas.supervision.CaseOverdue;
import org.civitas.supervision.CaseWarned;
import org.civitas.supervision.SupervisionOrderAnswered;
import org.civitas.supervision.SupervisionOrderIssued;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells units about their deadlines and the city office's orders, and the issuing supervisor about an answer
 * (DESIGN §5). Plain listeners, like {@link CaseNotifications}: the notice commits or rolls back with the sweep or
 * the order that caused it.
 */
@Component
class SupervisionNotifications {

    private final NotificationService notifications;

    SupervisionNotifications(NotificationService notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(CaseWarned e) {
        notifications.notifyUnit(e.unitCode(), NotificationKind.WARNING, e.caseId(), e.caseNumber(),
                "notify.warning", e.caseNumber(), e.handleDueAt());
    }

    /** The sweep's automatic reminder is announced here, once per overdue case. */
    @EventListener
    void on(CaseOverdue e) {
        notifications.notifyUnit(e.unitCode(), NotificationKind.OVERDUE, e.caseId(), e.caseNumber(),
                "notify.overdue", e.caseNumber(), e.handleDueAt());
    }

    @EventListener
    void on(SupervisionOrderIssued e) {
        if (e.auto()) {
            return;
        }
        notifications.notifyUnit(e.unitCode(), NotificationKind.SUPERVISION_ORDER, e.caseId(), e.caseNumber(),
                "notify.order." + e.level().name(), e.caseNumber(), e.dueAt());
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
