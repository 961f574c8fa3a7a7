package org.civitas.notify;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A message for one user's bell. Only {@code read_at} ever changes, and only by a bulk update of its owner. */
@Entity
@Table(name = "notification")
class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String recipient;
    @Enumerated(EnumType.STRING)
    private NotificationKind kind;
    private Long caseId;
    private String caseNumber;
    private String messageKey;
    private String messageArgs;
    private LocalDateTime createdAt;
    private LocalDateTime readAt;

    protected Notification() {
    }

    Notification(String recipient, NotificationKind kind, Long caseId, String caseNumber, String messageKey,
                 String messageArgs, LocalDateTime createdAt) {
        this.recipient = recipient;
        this.kind = kind;
        this.caseId = caseId;
        this.caseNumber = caseNumber;
        this.messageKey = messageKey;
        this.messageArgs = messageArgs;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    NotificationView toView() {
        return new NotificationView(id, kind, caseId, caseNumber, messageKey, MessageArgs.decode(messageArgs),
                createdAt, readAt);
    }
}
