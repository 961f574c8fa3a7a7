package org.civitas.channel;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civitas.cases.CaseChanged;
import org.civitas.cases.CasesFiled;
import org.civitas.cases.Channel;
import org.civitas.notify.NotificationService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Queues a status callback when a channel's case changes status: an outbox row (channel WEBHOOK, recipient the
 * channel code) written in the case's own transaction, so it is sent exactly when the change commits, retried by
 * the outbox's backoff and sent once.
 */
@Component
class StatusCallbacks {

    private final NamedParameterJdbcTemplate jdbc;
    private final ChannelService channels;
    private final NotificationService notifications;
    private final Clock clock;
    private final ZoneId zone;
    private final Json json;

    StatusCallbacks(NamedParameterJdbcTemplate jdbc, ChannelService channels, NotificationService notifications,
                    Clock clock, @Value("${civitas.zone:Asia/Shanghai}") ZoneId zone, Json json) {
        this.jdbc = jdbc;
        this.channels = channels;
        this.notifications = notifications;
        this.clock = clock;
        this.zone = zone;
        this.json = json;
    }

    @EventListener
    void on(CaseChanged changed) {
        Channel channel = changed.channel();
        if (changed.channelRef() == null || channel == null || channel == Channel.WEB
                || channel == Channel.INSPECTION) {
            return;
        }
        // the system that filed the case hears of it, never another system on the same channel
        String filer = changed.createdBy();
        var system = filer != null && filer.startsWith(ChannelService.PRINCIPAL_PREFIX)
                ? channels.find(filer.substring(ChannelService.PRINCIPAL_PREFIX.length()))
                        .filter(s -> s.active() && s.callbackUrl() != null && !s.callbackUrl().isBlank())
                : channels.callbackSystem(channel);
        if (system.isEmpty()) {
            return;
        }
        String status = changed.status().name();
        // a new case has had no callback yet; a changed one may already have told the channel this status
        if (!changed.created() && status.equals(lastSent(changed.caseId()))) {
            return;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        jdbc.update("""
                INSERT INTO channel_callback_state (case_id, status, updated_at) VALUES (:id, :status, :now)
                ON DUPLICATE KEY UPDATE status = :status, updated_at = :now""",
                Map.of("id", changed.caseId(), "status", status, "now", now));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "case.status_changed");
        body.put("number", changed.number());
        body.put("ref", changed.channelRef());
        body.put("status", status);
        body.put("changed_at", now.atZone(zone).toOffsetDateTime());
        notifications.webhook(system.get().code(), json.write(body));
    }

    /**
     * A batch intake's cases: each queued as {@link #on(CaseChanged)} would (a status callback where the filing system
     * has a callback address: two statements a case).
     */
    @EventListener
    void on(CasesFiled filed) {
        filed.changed().forEach(this::on);
    }

    private String lastSent(long caseId) {
        return jdbc.query("SELECT status FROM channel_callback_state WHERE case_id = :id", Map.of("id", caseId),
                rs -> rs.next() ? rs.getString(1) : null);
    }
}
