package org.civitas.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.civitas.cases.Reports.aReport;

import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A committed case change made in another thread reaches a registered listener; a rolled-back one never does. */
@IntegrationTest
class CaseBroadcasterTest {

    @Autowired CaseBroadcaster broadcaster;
    @Autowired DeadlineSweep sweep;
    @Autowired CaseService cases;
    @Autowired MutableClock clock;
    @Autowired UserDetailsService userDetails;
    @Autowired PlatformTransactionManager transactions;
    Users users;
    CaseDetails c;
    final AtomicInteger calls = new AtomicInteger();
    Registration registration;

    @BeforeEach
    void a_dispatched_case_and_a_listener() {
        users = new Users(userDetails);
        clock.set(LocalDateTime.of(2026, 3, 16, 9, 0));
        c = users.as("operator", () -> cases.register(aReport().item("SR-04").build()));
        registration = broadcaster.subscribe(calls::incrementAndGet);
    }

    @AfterEach
    void unregister() {
        registration.remove();
        clock.reset();
    }

    @Test
    void a_case_signed_in_another_session_is_announced_after_commit() throws Exception {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        int beforeCommit = CompletableFuture.supplyAsync(() -> users.as("clerk.wuchang", () -> tx.execute(s -> {
            cases.sign(c.ref());
            // the event is out, the transaction is not committed: nobody may hear of it yet
            return calls.get();
        }))).get();
        assertThat(beforeCommit).isZero();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(calls.get()).isPositive());
    }

    @Test
    void a_change_that_rolls_back_is_never_announced() throws Exception {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        CompletableFuture.runAsync(() -> users.as("clerk.wuchang", () -> tx.executeWithoutResult(s -> {
            cases.sign(c.ref());
            s.setRollbackOnly();
        }))).get();
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(calls.get()).isZero());
    }

    @Test
    void a_sweep_that_finds_an_overdue_case_is_announced_after_it_commits() throws Exception {
        clock.set(c.handleDueAt().plusMinutes(1));
        SweepResult result = CompletableFuture.supplyAsync(sweep::sweep).get();
        assertThat(result.overdue()).isPositive();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(calls.get()).isPositive());
    }

    @Test
    void a_burst_of_changes_costs_one_refresh() throws Exception {
        CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 5; i++) {
                users.as("operator", () -> cases.register(aReport().item("SR-04").build()));
            }
        }).get();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(calls.get()).isPositive());
        // five commits within a few milliseconds: one refresh at once, at most one more after the debounce
        await().during(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(calls.get()).isBetween(1, 2));
    }
}
