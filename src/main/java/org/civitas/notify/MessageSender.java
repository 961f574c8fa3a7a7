package org.civitas.notify;

/**
 * Sends one outbox message over one channel. A sender returns normally only when the channel accepted the message;
 * any exception counts as a failed attempt and the message is retried later.
 *
 * <p>A site plugs in its SMS gateway by declaring a {@code @Component} implementing this for
 * {@link OutboxChannel#SMS}; it replaces the {@link #fallback() fallback} {@link LoggingSmsSender}.
 */
public interface MessageSender {

    OutboxChannel channel();

    void send(OutboundMessage message) throws Exception;

    /** A stand-in used only while no other sender serves the channel. */
    default boolean fallback() {
        return false;
    }
}
