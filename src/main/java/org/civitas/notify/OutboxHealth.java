package org.civitas.notify;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.civitas.base.TimedCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Health check {@code outbox} and the outbox gauges per kind (EMAIL, SMS, WEBHOOK): messages waiting, the age of the
 * oldest, FAILED ones kept for the administrators, and whether the kind has a sender here. A kind without a sender
 * (e-mail before {@code spring.mail.host} is set) waits by design and never makes the check DOWN; a configured kind
 * whose oldest waiting message is older than {@code civitas.management.outbox-stale-after} does. Not part of
 * readiness: any node sends any message, so the backlog is the cluster's.
 */
@Component("outboxHealthIndicator")
class OutboxHealth implements HealthIndicator, MeterBinder {

    private final JdbcTemplate jdbc;
    private final MessageSenders senders;
    private final Clock clock;
    private final Duration staleAfter;
    private final TimedCache<Map<OutboxChannel, Backlog>> cached;

    OutboxHealth(JdbcTemplate jdbc, MessageSenders senders, Clock clock,
                 @Value("${civitas.management.outbox-stale-after:PT10M}") Duration staleAfter,
                 @Value("${civitas.metrics.gauge-cache:PT30S}") Duration cache) {
        this.jdbc = jdbc;
        this.senders = senders;
        this.clock = clock;
        this.staleAfter = staleAfter;
        this.cached = new TimedCache<>(cache, this::backlog);
    }

    /** One kind's figures; {@code oldestPending} null when nothing waits. */
    record Backlog(long pending, LocalDateTime oldestPending, long failed) {
    }

    Map<OutboxChannel, Backlog> backlog() {
        Map<OutboxChannel, Backlog> byKind = new EnumMap<>(OutboxChannel.class);
        for (OutboxChannel c : OutboxChannel.values()) {
            byKind.put(c, new Backlog(0, null, 0));
        }
        // the state prefix of ix_outbox_due: the SENT rows, nearly all of the table, are not read
        jdbc.query("""
                select channel, state, count(*), min(created_at) from outbox_message
                where state in ('PENDING', 'FAILED') group by channel, state""", rs -> {
            OutboxChannel c;
            try {
                c = OutboxChannel.valueOf(rs.getString(1));
            } catch (IllegalArgumentException e) {
                return;
            }
            Backlog b = byKind.get(c);
            if ("PENDING".equals(rs.getString(2))) {
                var oldest = rs.getTimestamp(4);
                byKind.put(c, new Backlog(rs.getLong(3), oldest == null ? null : oldest.toLocalDateTime(), b.failed()));
            } else {
                byKind.put(c, new Backlog(b.pending(), b.oldestPending(), rs.getLong(3)));
            }
        });
        return byKind;
    }

    @Override
    public Health health() {
        Map<OutboxChannel, Backlog> backlog = backlog();
        Set<OutboxChannel> configured = senders.configured();
        LocalDateTime now = LocalDateTime.now(clock);
        boolean stale = false;
        Health.Builder b = Health.up();
        for (var e : backlog.entrySet()) {
            Backlog k = e.getValue();
            long age = age(k, now);
            boolean sent = configured.contains(e.getKey());
            stale |= sent && age > staleAfter.toSeconds();
            b.withDetail(e.getKey().name(), Map.of("configured", sent, "pending", k.pending(),
                    "oldestPendingSeconds", age, "failed", k.failed()));
        }
        return stale ? b.down().build() : b.build();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (OutboxChannel c : OutboxChannel.values()) {
            gauge(registry, "civitas.outbox.pending", c, "Outbox messages waiting to be sent", null,
                    b -> b.pending());
            gauge(registry, "civitas.outbox.oldest.age", c, "Age of the oldest waiting outbox message", "seconds",
                    b -> age(b, LocalDateTime.now(clock)));
            gauge(registry, "civitas.outbox.failed", c, "Outbox messages given up (FAILED, kept for the administrators)",
                    null, b -> b.failed());
            Gauge.builder("civitas.outbox.configured", senders, s -> s.configured().contains(c) ? 1 : 0)
                    .description("1 when this node has a sender for the kind").tag("kind", c.name())
                    .register(registry);
        }
    }

    private void gauge(MeterRegistry registry, String name, OutboxChannel c, String description, String unit,
                       ToDoubleFunction<Backlog> figure) {
        Gauge.builder(name, this, h -> {
            try {
                return figure.applyAsDouble(h.cached.get().get(c));
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }).description(description).baseUnit(unit).tag("kind", c.name()).register(registry);
    }

    private static long age(Backlog b, LocalDateTime now) {
        return b.oldestPending() == null ? 0 : Math.max(0, Duration.between(b.oldestPending(), now).toSeconds());
    }
}
