package org.civitas.notify;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;

/**
 * A message to send, written in the transaction of the change that causes it. JPA only inserts it; the
 * {@link OutboxDispatcher} moves its state with plain SQL under a row lock.
 */
@Entity
@Table(name = "outbox_message")
class OutboxMessage {

    static final String PENDING = "PENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private OutboxChannel channel;
    private String recipient;
    private String subject;
    private String body;
    private Long notificationId;
    private String state = PENDING;
    private int attempts;
    private LocalDateTime nextAttemptAt;
    private String lastError;
    private LocalDateTime createdAt;
    private LocalDateTime sentAt;
    @Version
    private long version;

    protected OutboxMessage() {
    }

    OutboxMessage(OutboxChannel channel, String recipient, String subject, String body, Long notificationId,
                  LocalDateTime now) {
        this.channel = channel;
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.notificationId = notificationId;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }
}
