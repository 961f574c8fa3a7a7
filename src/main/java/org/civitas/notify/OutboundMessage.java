package org.civitas.notify;

/** What a {@link MessageSender} gets: the outbox row's id (for logs and idempotency keys), address and text. */
public record OutboundMessage(long id, OutboxChannel channel, String recipient, String subject, String body) {
}
