package org.civitas.ops;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civitas.base.WarmUpStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Readiness after warm-up (docs/operations.md): when Spring Boot declares the node ready, this takes it back
 * (REFUSING_TRAFFIC), runs the hot paths that the features offer ({@link WarmUpStep}: the inbox query, the board,
 * intake validation) {@code civitas.warm-up.rounds} times or for at most {@code civitas.warm-up.max}, as a city-wide
 * supervisor on a thread of its own, and only then declares it ACCEPTING_TRAFFIC, so that nginx and a rolling upgrade
 * send no user to a node whose JIT has not compiled those paths yet. The first and the last round's times are
 * logged and shown in the health check {@code warmUp}. A failing step is logged and does not keep the node out.
 */
@Component("warmUpHealthIndicator")
class WarmUp implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);
    static final String PRINCIPAL = "system:warm-up";

    private enum State { PENDING, WARMING, DONE }

    private final List<WarmUpStep> steps;
    private final ApplicationContext context;
    private final ApplicationAvailability availability;
    private final int rounds;
    private final Duration max;
    private volatile State state = State.PENDING;
    private volatile Map<String, Object> report = Map.of();

    WarmUp(List<WarmUpStep> steps, ApplicationContext context, ApplicationAvailability availability,
           @Value("${civitas.warm-up.rounds:30}") int rounds, @Value("${civitas.warm-up.max:PT60S}") Duration max) {
        this.steps = List.copyOf(steps);
        this.context = context;
        this.availability = availability;
        this.rounds = Math.max(0, rounds);
        this.max = max;
    }

    @EventListener
    void readiness(AvailabilityChangeEvent<ReadinessState> event) {
        if (event.getState() != ReadinessState.ACCEPTING_TRAFFIC || state != State.PENDING) {
            return;
        }
        state = State.WARMING;
        Thread t = new Thread(this::warm, "warm-up");
        t.setDaemon(true);
        t.start();
    }

    void warm() {
        // take back Spring Boot's ACCEPTING_TRAFFIC once it is recorded (publishing it from the listener could be
        // overtaken by the very event being delivered); the warmUp check keeps readiness DOWN meanwhile anyway
        for (int i = 0; i < 50 && availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC; i++) {
            sleep();
        }
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        long start = System.nanoTime();
        Map<String, long[]> firstAndLast = new LinkedHashMap<>();
        int done = 0;
        var strategy = SecurityContextHolder.getContextHolderStrategy();
        var security = strategy.createEmptyContext();
        security.setAuthentication(new UsernamePasswordAuthenticationToken(PRINCIPAL, null,
                List.of(new SimpleGrantedAuthority("ROLE_SUPERVISOR"))));
        strategy.setContext(security);
        try {
            for (; done < rounds && System.nanoTime() - start < max.toNanos(); done++) {
                for (WarmUpStep step : steps) {
                    long t0 = System.nanoTime();
                    try {
                        step.run();
                    } catch (RuntimeException e) {
                        log.warn("Warm-up step {} failed; the node starts without it", step.name(), e);
                        continue;
                    }
                    long micros = (System.nanoTime() - t0) / 1000;
                    long[] fl = firstAndLast.computeIfAbsent(step.name(), k -> new long[] {micros, micros});
                    fl[1] = micros;
                }
            }
        } finally {
            strategy.clearContext();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("rounds", done);
            r.put("millis", (System.nanoTime() - start) / 1_000_000);
            firstAndLast.forEach((name, fl) -> r.put(name, "first " + fl[0] / 1000.0 + " ms, last " + fl[1] / 1000.0
                    + " ms"));
            report = r;
            state = State.DONE;
            log.info("Warm-up done, ready for traffic: {}", r);
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean done() {
        return state == State.DONE;
    }

    @Override
    public Health health() {
        return state == State.DONE ? Health.up().withDetails(report).build()
                : Health.outOfService().withDetail("state", state.name()).build();
    }
}
