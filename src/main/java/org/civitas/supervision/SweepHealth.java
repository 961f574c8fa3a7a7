package org.civitas.supervision;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.civitas.base.TimedCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Health check {@code sweep} and gauge {@code civitas.sweep.last.success}: when the deadline sweep last finished on
 * any node ({@code job_run}, written by {@link DeadlineSweep}). DOWN when that is longer ago than
 * {@code civitas.management.sweep-stale-after}: no case is being warned, marked overdue or supervised. Not part of
 * readiness: the sweep is the cluster's, and no node is the better for being taken out of nginx.
 */
@Component("sweepHealthIndicator")
class SweepHealth implements HealthIndicator, MeterBinder {

    static final String JOB = "deadline-sweep";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration staleAfter;
    private final boolean scheduled;
    private final LocalDateTime startedAt;
    private final TimedCache<Optional<LastRun>> cached;

    SweepHealth(JdbcTemplate jdbc, Clock clock,
                @Value("${civitas.management.sweep-stale-after:PT5M}") Duration staleAfter,
                @Value("${civitas.sweep.cron:0 * * * * *}") String cron,
                @Value("${civitas.metrics.gauge-cache:PT30S}") Duration cache) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.staleAfter = staleAfter;
        this.scheduled = !"-".equals(cron.strip());
        this.startedAt = LocalDateTime.now(clock);
        this.cached = new TimedCache<>(cache, this::lastRun);
    }

    record LastRun(LocalDateTime finishedAt, long millis, String node) {
    }

    Optional<LastRun> lastRun() {
        List<LastRun> rows = jdbc.query("select finished_at, millis, node from job_run where name = ?",
                (rs, i) -> new LastRun(rs.getTimestamp(1).toLocalDateTime(), rs.getLong(2), rs.getString(3)), JOB);
        return rows.stream().findFirst();
    }

    @Override
    public Health health() {
        Optional<LastRun> last = lastRun();
        LocalDateTime now = LocalDateTime.now(clock);
        if (!scheduled) {
            return Health.unknown().withDetail("schedule", "off (civitas.sweep.cron=-)").build();
        }
        if (last.isEmpty()) {
            // a fresh installation: the first tick is at most a minute away
            Health.Builder b = startedAt.plus(staleAfter).isAfter(now) ? Health.up() : Health.down();
            return b.withDetail("lastRun", "never").build();
        }
        LastRun run = last.get();
        Duration age = Duration.between(run.finishedAt(), now);
        Health.Builder b = age.compareTo(staleAfter) > 0 ? Health.down() : Health.up();
        return b.withDetail("lastRun", run.finishedAt().toString()).withDetail("ageSeconds", age.toSeconds())
                .withDetail("millis", run.millis()).withDetail("node", run.node()).build();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("civitas.sweep.last.success", this, h -> h.cachedRun()
                        .map(r -> (double) r.finishedAt().atZone(h.clock.getZone()).toEpochSecond())
                        .orElse(Double.NaN))
                .description("When the deadline sweep last finished on any node (epoch seconds)")
                .baseUnit("seconds").register(registry);
    }

    private Optional<LastRun> cachedRun() {
        try {
            return cached.get();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
