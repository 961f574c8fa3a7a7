package org.civitas.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.civitas.base.WarmUpStep;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** The warm-up holds readiness until its rounds ran, runs each step as a supervisor, and survives a failing step. */
class WarmUpTest {

    @Test
    void readiness_stays_refused_until_every_round_ran_and_a_failing_step_does_not_keep_the_node_out()
            throws InterruptedException {
        AtomicInteger inbox = new AtomicInteger();
        List<String> roles = new ArrayList<>();
        WarmUpStep counting = step("inbox", () -> {
            inbox.incrementAndGet();
            SecurityContextHolder.getContext().getAuthentication().getAuthorities()
                    .forEach(a -> roles.add(a.getAuthority()));
        });
        WarmUpStep failing = step("broken", () -> {
            throw new IllegalStateException("no such table");
        });
        ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.addApplicationListener(availability);
            context.refresh();
            WarmUp warmUp = new WarmUp(List.of(counting, failing), context, availability, 5, Duration.ofSeconds(30));
            context.addApplicationListener(event -> {
                if (event instanceof AvailabilityChangeEvent<?> e && e.getState() instanceof ReadinessState) {
                    @SuppressWarnings("unchecked")
                    var readiness = (AvailabilityChangeEvent<ReadinessState>) e;
                    warmUp.readiness(readiness);
                }
            });
            assertThat(warmUp.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!warmUp.done() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }

            assertThat(warmUp.done()).isTrue();
            assertThat(inbox).hasValue(5);
            assertThat(roles).containsOnly("ROLE_SUPERVISOR");
            assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
            assertThat(warmUp.health().getStatus()).isEqualTo(Status.UP);
            assertThat(warmUp.health().getDetails()).containsEntry("rounds", 5).containsKey("inbox")
                    .doesNotContainKey("broken");
        }
    }

    private static WarmUpStep step(String name, Runnable body) {
        return new WarmUpStep() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void run() {
                body.run();
            }
        };
    }
}
