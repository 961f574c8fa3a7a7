package org.civitas.channel;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civitas.cases.CaseChanged;
import org.civitas.cases.Channel;
import org.civitas.notify.OutboxChannel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
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
    private final Clock clock;
    private final ZoneId zone;

    StatusCallbacks(NamedParameterJdbcTemplate jdbc, ChannelService channels, Clock clock,
                    @Value("${civitas.zone:Asia/Shanghai}") ZoneId zone) {
        this.jdbc = jdbc;
        this.channels = channels;
        this.clock = clock;
        this.zone = zone;
    }

    @EventListener
    void on(CaseChanged changed) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT c.channel, c.channel_ref, c.created_by, s.status AS last FROM case_file c
                LEFT JOIN channel_callback_state s ON s.case_id = c.id WHERE c.id = :id""", Map.of("id", changed.caseId()));
        if (rows.isEmpty() || rows.get(0).get("channel_ref") == null) {
            return;
        }
        Map<String, Object> row = rows.get(0);
        String status = changed.status().name();
        if (status.equals(row.get("last"))) {
            return;
        }
        Channel channel = Channel.valueOf((String) row.get("channel"));
        if (channel == Channel.WEB || channel == Channel.INSPECTION) {
            return;
        }
        // the system that filed the case hears of it, never another system on the same channel
        String filer = (String) row.get("created_by");
        var system = filer != null && filer.startsWith(ChannelService.PRINCIPAL_PREFIX)
                ? channels.find(filer.substring(ChannelService.PRINCIPAL_PREFIX.length()))
                        .filter(s -> s.active() && s.callbackUrl() != null && !s.callbackUrl().isBlank())
                : channels.callbackSystem(channel);
        if (system.isEmpty()) {
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
        body.put("ref", row.get("channel_ref"));
        body.put("status", status);
        body.put("changed_at", now.atZone(zone).toOffsetDateTime());
        jdbc.update("""
                INSERT INTO outbox_message (channel, recipient, subject, body, state, attempts, next_attempt_at,
                    created_at, version)
                VALUES (:channel, :recipient, NULL, :body, 'PENDING', 0, :now, :now, 0)""",
                new MapSqlParameterSource().addValue("channel", OutboxChannel.WEBHOOK.name())
                        .addValue("recipient", system.get().code()).addValue("body", Json.write(body))
                        .addValue("now", now));
    }
}
