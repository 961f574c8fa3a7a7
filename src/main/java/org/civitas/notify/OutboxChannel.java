package org.civitas.notify;

/** How an outbox message leaves the system. Stored as its name in {@code outbox_message.channel}. */
public enum OutboxChannel {
    EMAIL, SMS
}
