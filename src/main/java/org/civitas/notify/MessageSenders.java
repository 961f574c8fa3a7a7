package org.civitas.notify;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The sender of each channel: a real one over a fallback; a channel with none is simply not dispatched. */
@Component
class MessageSenders {

    private final Map<OutboxChannel, MessageSender> byChannel = new EnumMap<>(OutboxChannel.class);

    MessageSenders(List<MessageSender> senders) {
        for (MessageSender s : senders) {
            MessageSender current = byChannel.get(s.channel());
            if (current == null || current.fallback() && !s.fallback()) {
                byChannel.put(s.channel(), s);
            } else if (!s.fallback() && !current.fallback()) {
                throw new IllegalStateException("Two senders for " + s.channel() + ": " + current + ", " + s);
            }
        }
    }

    synchronized Optional<MessageSender> of(OutboxChannel channel) {
        return Optional.ofNullable(byChannel.get(channel));
    }

    synchronized Set<OutboxChannel> configured() {
        return Set.copyOf(byChannel.keySet());
    }

    /** Tests swap a channel's sender in the shared context; returns the one it replaced (or null) to restore. */
    synchronized MessageSender replace(OutboxChannel channel, MessageSender sender) {
        return sender == null ? byChannel.remove(channel) : byChannel.put(channel, sender);
    }
}
