package org.civitas.notify;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One notification as the bell shows it. The text is not stored: the view translates {@code messageKey} with
 * {@code args} in the user's language.
 */
public record NotificationView(long id, NotificationKind kind, Long caseId, String caseNumber, String messageKey,
                               List<String> args, LocalDateTime createdAt, LocalDateTime readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
