package org.civitas.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.civitas.cases.CaseDecided;
import org.civitas.cases.CaseDispatched;
import org.civitas.cases.CaseReplyAccepted;
import org.civitas.cases.MergedCaseAnswered;
import org.civitas.cases.CasesFiled;
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

    /**
     * New cases dispatched at registration, however they came in: the same notices as {@link #on(CaseDispatched)},
     * written for all at once.
     */
    @EventListener
    void on(CasesFiled e) {
        List<CaseNotice> leads = new ArrayList<>();
        List<CaseNotice> cos = new ArrayList<>();
        for (CaseDispatched d : e.dispatched()) {
            leads.add(new CaseNotice(d.leadUnitCode(), d.caseId(), d.number(), List.of(d.number(), d.handleDueAt())));
            for (String co : d.coUnitCodes()) {
                if (!co.equals(d.leadUnitCode())) {
                    cos.add(new CaseNotice(co, d.caseId(), d.number(), List.of(d.number(), d.handleDueAt())));
                }
            }
        }
        notifications.notifyUnits(NotificationKind.DISPATCHED, "notify.dispatched", leads);
        notifications.notifyUnits(NotificationKind.DISPATCHED, "notify.dispatched.co", cos);
    }

    /** The unit learns the office's decision on its reply, extension or return, with the note and the deadline. */
    @EventListener
    void on(CaseDecided e) {
        String note = e.note() == null ? "" : e.note();
        switch (e.action()) {
            case SEND_BACK -> notifications.notifyUnit(e.leadUnitCode(), NotificationKind.REPLY_SENT_BACK, e.caseId(),
                    e.number(), "notify.sentBack", e.number(), note);
            case APPROVE_EXTENSION -> notifications.notifyUnit(e.leadUnitCode(), NotificationKind.APPROVAL_RESULT,
                    e.caseId(), e.number(), "notify.extension.approved", e.number(), e.handleDueAt());
            case REJECT_EXTENSION -> notifications.notifyUnit(e.leadUnitCode(), NotificationKind.APPROVAL_RESULT,
                    e.caseId(), e.number(), "notify.extension.rejected", e.number(), note);
            case REJECT_RETURN -> notifications.notifyUnit(e.leadUnitCode(), NotificationKind.APPROVAL_RESULT,
                    e.caseId(), e.number(), "notify.return.rejected", e.number(), note);
            default -> { }
        }
    }

    /**
     * The complainant is told the result is ready, with the tracking code to look it up by (anonymous reports have
     * no phone and get nothing; cases from before tracking codes are looked up by the phone's last four digits).
     */
    @EventListener
    void on(CaseReplyAccepted e) {
        if (e.trackingCode() == null) {
            notifications.smsToComplainant(e.complainantPhone(), "sms.replyReady.phone", e.number());
        } else {
            notifications.smsToComplainant(e.complainantPhone(), "sms.replyReady", e.number(), e.trackingCode());
        }
    }

    /**
     * A report merged into a case is answered with it: its complainant gets the master's SMS, with the report's own
     * number and tracking code (its tracking page shows the master's reply) and the master's number.
     */
    @EventListener
    void on(MergedCaseAnswered e) {
        if (e.trackingCode() == null) {
            notifications.smsToComplainant(e.complainantPhone(), "sms.mergedReplyReady.phone", e.number(),
                    e.masterNumber());
        } else {
            notifications.smsToComplainant(e.complainantPhone(), "sms.mergedReplyReady", e.number(),
                    e.masterNumber(), e.trackingCode());
        }
    }
}
