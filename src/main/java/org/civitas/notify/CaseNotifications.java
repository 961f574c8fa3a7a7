package org.civitas.notify;

import java.util.Set;
import org.civitas.cases.CaseDispatched;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns case events into notices. Plain (not after-commit) listeners: they run inside the transaction that
 * publishes the event, so a notice commits with its change, and a change that rolls back leaves none.
 */
@Component
class CaseNotifications {

    private final NotificationService notifications;

    CaseNotifications(NotificationService notifications) {
        this.notifications = notifications;
    }

    /** Dispatch, re-dispatch, an approved return and a reopen all hand the case to units with a new deadline. */
    @EventListener
    void on(CaseDispatched e) {
        notifications.notifyUnit(e.leadUnitCode(), NotificationKind.DISPATCHED, e.caseId(), e.number(),
                "notify.dispatched", e.number(), e.handleDueAt());
        for (String co : e.coUnitCodes() == null ? Set.<String>of() : e.coUnitCodes()) {
            if (!co.equals(e.leadUnitCode())) {
                notifications.notifyUnit(co, NotificationKind.DISPATCHED, e.caseId(), e.number(),
                        "notify.dispatched.co", e.number(), e.handleDueAt());
            }
        }
    }
}
