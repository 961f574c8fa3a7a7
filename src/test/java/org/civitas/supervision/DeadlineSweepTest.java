package org.civitas.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.cases.Reports.aReport;

import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Function;
import org.civitas.cases.CaseAction;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.cases.lifecycle.CaseRequestService;
import org.civitas.cases.HistoryEntry;
import org.civitas.cases.ReplyOutcome;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The deadline sweep under a moving clock. Thursday 2 April 2026 is followed by a weekend and the Qingming
 * holiday (Saturday 4 to Monday 6 April): a case due on Friday is two working days late only on Wednesday evening.
 */
@IntegrationTest
@RecordApplicationEvents
class DeadlineSweepTest {

    static final LocalDateTime THURSDAY_9 = LocalDateTime.of(2026, 4, 2, 9, 0);
    static final LocalDateTime FRIDAY_DUE = LocalDateTime.of(2026, 4, 3, 17, 30);

    @Autowired DeadlineSweep sweep;
    @Autowired CaseService cases;
    @Autowired CaseRequestService caseRequests;
    @Autowired MutableClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService userDetails;
    @Autowired ApplicationEvents events;

    @AfterEach
    void resetClock() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_one_working_day_case_is_warned_reminded_and_supervised_at_the_right_instants() {
        clock.set(THURSDAY_9);
        CaseDetails c = users().as("operator", () -> cases.register(aReport().item("SR-04").build()));
        // SR-04: one working day → Friday 17:30; 80 % of the 13.5 office hours (10 h 48 min) → Friday 14:48
        assertThat(c.handleDueAt()).isEqualTo(FRIDAY_DUE);
        assertThat(c.warnAt()).isEqualTo(LocalDateTime.of(2026, 4, 3, 14, 48));

        sweepAt(LocalDateTime.of(2026, 4, 3, 14, 47, 59));
        assertThat(column(c, "warning_noted_at")).isNull();
        assertThat(swept(CasesWarned.class, CasesWarned::cases, c)).isEmpty();

        sweepAt(LocalDateTime.of(2026, 4, 3, 14, 48));
        sweepAt(LocalDateTime.of(2026, 4, 3, 14, 49));
        assertThat(column(c, "warning_noted_at")).isEqualTo(LocalDateTime.of(2026, 4, 3, 14, 48));
        assertThat(swept(CasesWarned.class, CasesWarned::cases, c))
                .containsExactly(new SweptCase(c.id(), c.number(), "D05", FRIDAY_DUE));

        sweepAt(FRIDAY_DUE);
        assertThat(column(c, "overdue_noted_at")).isNull();
        assertThat(orders(c, "REMINDER")).isZero();

        for (int i = 0; i < 5; i++) {
            sweepAt(FRIDAY_DUE.plusSeconds(1));
        }
        sweepAt(FRIDAY_DUE.plusMinutes(10));
        assertThat(column(c, "overdue_noted_at")).isEqualTo(FRIDAY_DUE.plusSeconds(1));
        assertThat(orders(c, "REMINDER")).isOne();
        assertThat(swept(CasesOverdue.class, CasesOverdue::cases, c))
                .containsExactly(new SweptCase(c.id(), c.number(), "D05", FRIDAY_DUE));

        // two natural days later, but no working day yet: Saturday, Sunday and Monday are days off
        sweepAt(LocalDateTime.of(2026, 4, 5, 18, 0));
        sweepAt(LocalDateTime.of(2026, 4, 6, 18, 0));
        // Tuesday is the first working day after the deadline, Wednesday the second: its office hours must end
        sweepAt(LocalDateTime.of(2026, 4, 7, 17, 30, 1));
        sweepAt(LocalDateTime.of(2026, 4, 8, 17, 30));
        assertThat(orders(c, "SUPERVISION")).isZero();

        for (int i = 0; i < 3; i++) {
            sweepAt(LocalDateTime.of(2026, 4, 8, 17, 30, 1));
        }
        sweepAt(LocalDateTime.of(2026, 4, 9, 10, 0));
        assertThat(orders(c, "SUPERVISION")).isOne();
        assertThat(orders(c, "REMINDER")).isOne();
        assertThat(jdbc.queryForObject("select due_at from supervision_order where case_id = ? and level = 'SUPERVISION'",
                LocalDateTime.class, c.id())).isEqualTo(LocalDateTime.of(2026, 4, 9, 17, 30));
        assertThat(swept(CasesSupervised.class, CasesSupervised::cases, c))
                .containsExactly(new SweptCase(c.id(), c.number(), "D05", FRIDAY_DUE));
        assertThat(events.stream(CasesSupervised.class).filter(e -> e.cases().stream()
                .anyMatch(s -> s.caseId() == c.id()))).singleElement()
                .satisfies(e -> assertThat(e.answerDueAt()).isEqualTo(LocalDateTime.of(2026, 4, 9, 17, 30)));
        assertThat(events.stream(SupervisionOrderIssued.class).filter(e -> e.caseId() == c.id())).isEmpty();

        List<HistoryEntry> history = users().as("supervisor", () -> cases.history(c.id()));
        assertThat(history).extracting(HistoryEntry::action).containsExactly(CaseAction.REGISTER,
                CaseAction.DISPATCH, CaseAction.REMIND, CaseAction.SUPERVISE);
        assertThat(history.subList(2, 4)).allSatisfy(h -> {
            assertThat(h.actor()).isEqualTo("system");
            assertThat(h.from()).isEqualTo(h.to());
        });
    }

    @Test
    void a_case_replied_in_time_is_never_reminded() {
        clock.set(THURSDAY_9);
        CaseDetails c = users().as("operator", () -> cases.register(aReport().item("SR-04").build()));
        CaseDetails signed = users().as("clerk.wuchang", () -> cases.sign(c.ref()));
        users().as("clerk.wuchang", () -> cases.reply(signed.ref(), ReplyOutcome.RESOLVED, "已处理", List.of()));
        sweepAt(FRIDAY_DUE.plusHours(1));
        sweepAt(LocalDateTime.of(2026, 4, 9, 10, 0));
        assertThat(column(c, "overdue_noted_at")).isNull();
        assertThat(orders(c, "REMINDER") + orders(c, "SUPERVISION")).isZero();
    }

    @Test
    void an_extended_case_that_runs_late_again_is_reminded_again() {
        clock.set(THURSDAY_9);
        CaseDetails c = users().as("operator", () -> cases.register(aReport().item("SR-04").build()));
        sweepAt(FRIDAY_DUE.plusSeconds(1));
        assertThat(orders(c, "REMINDER")).isOne();
        LocalDateTime newDue = LocalDateTime.of(2026, 4, 8, 17, 30);
        CaseDetails asked = users().as("clerk.wuchang", () -> caseRequests.requestExtension(
                cases.get(c.id()).ref(), "需协调多个部门", newDue));
        long requestId = users().as("supervisor", () -> caseRequests.requests(c.id())).get(0).id();
        users().as("supervisor", () -> caseRequests.decideExtension(asked.ref(), requestId, true, "同意"));

        sweepAt(newDue);
        assertThat(orders(c, "REMINDER")).isOne();
        sweepAt(newDue.plusSeconds(1));
        sweepAt(newDue.plusMinutes(1));
        assertThat(orders(c, "REMINDER")).isEqualTo(2);
    }

    @Test
    void the_minute_timer_is_off_in_tests_which_move_the_clock_and_sweep_themselves(
            @Autowired org.springframework.core.env.Environment env) {
        assertThat(env.getProperty("civitas.sweep.cron")).isEqualTo("-");
        assertThat(env.getProperty("civitas.supervision.auto-after-working-days")).isEqualTo("2");
    }

    private void sweepAt(LocalDateTime t) {
        clock.set(t);
        sweep.sweep();
    }

    /** The case as the sweep's events of one kind announced it, once per event that named it. */
    private <E> List<SweptCase> swept(Class<E> type, Function<E, List<SweptCase>> cases, CaseDetails c) {
        return events.stream(type).flatMap(e -> cases.apply(e).stream()).filter(s -> s.caseId() == c.id()).toList();
    }

    private LocalDateTime column(CaseDetails c, String column) {
        return jdbc.queryForObject("select " + column + " from case_file where id = ?", LocalDateTime.class, c.id());
    }

    private int orders(CaseDetails c, String level) {
        return jdbc.queryForObject("select count(*) from supervision_order where case_id = ? and level = ? and auto",
                Integer.class, c.id(), level);
    }

    private Users users() {
        return new Users(userDetails);
    }
}
