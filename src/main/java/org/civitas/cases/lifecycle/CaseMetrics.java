package org.civitas.cases.lifecycle;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.civitas.base.TimedCache;
import org.civitas.cases.CaseChanged;
import org.civitas.cases.CaseDispatched;
import org.civitas.cases.CaseStatus;
import org.civitas.cases.CasesFiled;
import org.civitas.cases.Channel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How the city's work is going, as metrics (docs/operations.md): cases received per channel and dispatched
 * automatically or by hand, counted from the case events once their transaction commits (a rolled-back registration
 * counts nothing); open, overdue and warned cases, counted in the database at most once per
 * {@code civitas.metrics.gauge-cache}. Tags are the channel and the way of dispatch only: never a case or a person.
 *
 * <p>A case dispatched at registration is the system's dispatch (系统分派); every later {@link CaseDispatched} of a case
 * (classification, re-dispatch, an approved return, a reopen) is a person's.
 */
@Component
class CaseMetrics implements MeterBinder {

    private static final String TALLY = CaseMetrics.class.getName() + ".tally";

    private final Map<Channel, Counter> received = new EnumMap<>(Channel.class);
    private Counter automatic;
    private Counter byHand;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TimedCache<long[]> open;

    CaseMetrics(JdbcTemplate jdbc, Clock clock, @Value("${civitas.metrics.gauge-cache:PT30S}") Duration cache) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.open = new TimedCache<>(cache, this::countOpen);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Channel c : Channel.values()) {
            received.put(c, Counter.builder("civitas.cases.received").description("New cases, by filing channel")
                    .tag("channel", c.name()).register(registry));
        }
        automatic = Counter.builder("civitas.cases.dispatched").description("Dispatches to a unit")
                .tag("mode", "auto").register(registry);
        byHand = Counter.builder("civitas.cases.dispatched").description("Dispatches to a unit")
                .tag("mode", "manual").register(registry);
        gauge(registry, "civitas.cases.open", "Cases not closed, invalid or merged", f -> f[0]);
        gauge(registry, "civitas.cases.overdue", "Cases waiting for their unit past the handling deadline", f -> f[1]);
        gauge(registry, "civitas.cases.warned", "Cases waiting for their unit in their warning window", f -> f[2]);
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<long[]> figure) {
        Gauge.builder(name, this, m -> {
            try {
                return figure.applyAsDouble(m.open.get());
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }).description(description).register(registry);
    }

    /** {open, overdue, warned} now. */
    long[] countOpen() {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
        long all = jdbc.queryForObject("select count(*) from case_file where status not in "
                + CaseStatus.sqlList(CaseStatus.FINAL), Long.class);
        long[] due = jdbc.queryForObject("""
                select coalesce(sum(handle_due_at < ?), 0), coalesce(sum(warn_at <= ? and handle_due_at >= ?), 0)
                from case_file where status in %s""".formatted(CaseStatus.AWAITING_UNIT_SQL),
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, now, now, now);
        return new long[] {all, due[0], due[1]};
    }

    @EventListener
    void changed(CaseChanged e) {
        if (e.created()) {
            count(t -> {
                t.created.add(e.caseId());
                t.received.merge(e.channel(), 1, Integer::sum);
                if (e.leadUnitCode() != null) {
                    t.automatic++;
                }
            });
        }
    }

    @EventListener
    void filed(CasesFiled e) {
        count(t -> {
            for (CaseChanged c : e.changed()) {
                t.created.add(c.caseId());
                t.received.merge(c.channel(), 1, Integer::sum);
            }
            t.automatic += e.dispatched().size();
        });
    }

    @EventListener
    void dispatched(CaseDispatched e) {
        count(t -> {
            if (!t.created.contains(e.caseId())) {
                t.byHand++;
            }
        });
    }

    /** Adds to this transaction's tally, counted when it commits; without a transaction, counted at once. */
    private void count(Consumer<Tally> what) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            Tally t = new Tally();
            what.accept(t);
            apply(t);
            return;
        }
        Tally t = (Tally) TransactionSynchronizationManager.getResource(TALLY);
        if (t == null) {
            Tally fresh = new Tally();
            TransactionSynchronizationManager.bindResource(TALLY, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TALLY);
                    if (status == STATUS_COMMITTED) {
                        apply(fresh);
                    }
                }
            });
            t = fresh;
        }
        what.accept(t);
    }

    private void apply(Tally t) {
        t.received.forEach((channel, n) -> {
            Counter c = received.get(channel);
            if (c != null) {
                c.increment(n);
            }
        });
        if (automatic != null) {
            automatic.increment(t.automatic);
            byHand.increment(t.byHand);
        }
    }

    private static final class Tally {
        final Set<Long> created = new HashSet<>();
        final Map<Channel, Integer> received = new EnumMap<>(Channel.class);
        int automatic;
        int byHand;
    }
}
