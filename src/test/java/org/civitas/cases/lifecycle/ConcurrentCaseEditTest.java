package org.civitas.cases.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.cases.Reports.aReport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.civitas.base.RuleViolation;
import org.civitas.cases.CaseAction;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.HistoryEntry;
import org.civitas.cases.ReplyOutcome;
import org.civitas.test.IntegrationTest;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Two users press a button on the same case at the same moment: one wins, the other is told, nothing is lost. */
@IntegrationTest
class ConcurrentCaseEditTest {

    @Autowired CaseService cases;

    @Autowired CaseRequestService caseRequests;
    @Autowired UserDetailsService users;

    @Test
    void of_two_simultaneous_actions_on_one_case_version_exactly_one_applies() throws Exception {
        CaseDetails c = as("operator", () -> cases.register(aReport().item("SR-04").build()));
        CaseDetails signed = as("clerk.wuchang", () -> cases.sign(c.ref()));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> results = new ArrayList<>();
        results.add(pool.submit(attempt(start, () -> as("clerk.wuchang",
                () -> cases.reply(signed.ref(), ReplyOutcome.RESOLVED, "已处理", List.of())))));
        results.add(pool.submit(attempt(start, () -> as("clerk.wuchang",
                () -> caseRequests.requestReturn(signed.ref(), "不属本区", null)))));
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();

        assertThat(outcomes).containsOnlyOnce("ok").contains("case.error.changed");
        List<HistoryEntry> history = as("supervisor", () -> cases.history(c.id()));
        long steps = history.stream().filter(h -> h.action() == CaseAction.REPLY
                || h.action() == CaseAction.REQUEST_RETURN).count();
        assertThat(steps).isEqualTo(1);
        CaseDetails now = as("supervisor", () -> cases.get(c.id()));
        assertThat(now.version()).isEqualTo(signed.version() + 1);
    }

    /** 32 users act on the version they saw at once: one change lands, 31 are told, none is silently lost. */
    @Test
    void of_thirty_two_simultaneous_actions_on_one_case_version_exactly_one_applies() throws Exception {
        CaseDetails c = as("operator", () -> cases.register(aReport().item("SR-04").build()));
        CaseDetails signed = as("clerk.wuchang", () -> cases.sign(c.ref()));
        int threads = 32;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int n = i;
            results.add(pool.submit(attempt(start, () -> as("clerk.wuchang", () -> switch (n % 3) {
                case 0 -> cases.reply(signed.ref(), ReplyOutcome.RESOLVED, "答复 " + n, List.of());
                case 1 -> caseRequests.requestReturn(signed.ref(), "退回 " + n, "依据 " + n);
                default -> cases.subDispatch(signed.ref(), "S0501");
            }))));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();

        assertThat(outcomes).containsOnlyOnce("ok");
        assertThat(outcomes.stream().filter(o -> !o.equals("ok"))).hasSize(threads - 1)
                .allMatch("case.error.changed"::equals);
        List<HistoryEntry> history = as("supervisor", () -> cases.history(c.id()));
        assertThat(history.stream().filter(h -> h.action() == CaseAction.REPLY
                || h.action() == CaseAction.REQUEST_RETURN || h.action() == CaseAction.SUB_DISPATCH)).hasSize(1);
        assertThat(as("supervisor", () -> cases.get(c.id())).version()).isEqualTo(signed.version() + 1);
    }

    private static Callable<String> attempt(CountDownLatch start, Runnable action) {
        return () -> {
            start.await();
            try {
                action.run();
                return "ok";
            } catch (RuleViolation v) {
                return v.key();
            }
        };
    }

    private <T> T as(String username, Supplier<T> action) {
        return RunAs.account(users, username, action);
    }
}
