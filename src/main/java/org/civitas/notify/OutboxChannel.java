package org.civitas.notify;

/** How an outbox message leaves the system. Stored as its name in {@code outbox_message.channel}. */
public enum OutboxChannel {
    EMAIL, SMS,
    /** A channel system's status callback (org.civitas.channel.WebhookSender); recipient is the channel code. */
    WEBHOOK
}
