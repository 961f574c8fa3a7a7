package org.civitas.notify;

import org.civitas.inspection.NoticeIssued;
import org.civitas.inspection.NoticeOverdue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells a unit's clerks of a new rectification notice and of one gone overdue. Plain listeners, inside the
 * publishing transaction, as in {@code notify.CaseNotifications}: the notice commits with its change.
 */
@Component
class InspectionNotifications {

    private final NotificationService notifications;

    InspectionNotifications(NotificationService notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(NoticeIssued e) {
        notifications.notifyUnit(e.unitCode(), NotificationKind.OTHER, null, e.number(), "notice.notify.issued",
                e.number(), e.dueAt());
    }

    @EventListener
    void on(NoticeOverdue e) {
        notifications.notifyUnit(e.unitCode(), NotificationKind.OVERDUE, null, e.number(), "notice.notify.overdue",
                e.number(), e.dueAt());
    }
}
