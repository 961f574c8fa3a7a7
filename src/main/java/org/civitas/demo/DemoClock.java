package org.civitas.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.function.Supplier;
import org.civitas.base.db.ConditionalOnEmbeddedDatabase;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The clock of a demo that generates its data: the application's clock, except on the demo start-up thread while
 * {@link DemoInspections} enters a past round, where it reads the moment of that step. So the inspection services
 * stamp rounds, notices, deadlines, history and audit with the days the work was done, through their own rules.
 * Every other thread reads the true time. Absent without generated demo data (production, tests).
 */
@Component
@Primary
@ConditionalOnEmbeddedDatabase
@ConditionalOnProperty(name = "civitas.demo.enabled", havingValue = "true")
@ConditionalOnExpression("${civitas.demo.cases:0} > 0")
class DemoClock extends Clock implements DemoInspections.TimeMachine {

    private final Clock clock;
    private final ThreadLocal<Duration> back = ThreadLocal.withInitial(() -> Duration.ZERO);

    DemoClock(@Qualifier("clock") Clock clock) {
        this.clock = clock;
    }

    @Override
    public <T> T at(LocalDateTime moment, Supplier<T> step) {
        Duration before = back.get();
        back.set(Duration.between(moment.atZone(getZone()).toInstant(), clock.instant()));
        try {
            return step.get();
        } finally {
            back.set(before);
        }
    }

    @Override
    public ZoneId getZone() {
        return clock.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return clock.withZone(zone);
    }

    @Override
    public Instant instant() {
        return clock.instant().minus(back.get());
    }
}
