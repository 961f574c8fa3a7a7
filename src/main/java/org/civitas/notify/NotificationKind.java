package org.civitas.notify;

/** Why a user is told something; the label is the translation key {@code NotificationKind.<name>}. */
public enum NotificationKind {
    DISPATCHED, WARNING, OVERDUE, SUPERVISION_ORDER, APPROVAL_RESULT, REPLY_SENT_BACK, REPLY_READY, SECURITY, OTHER
}
