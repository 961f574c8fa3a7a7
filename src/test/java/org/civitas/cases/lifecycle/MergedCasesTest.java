package org.civitas.cases.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civitas.cases.Reports.aReport;

import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Supplier;
import org.civitas.base.RuleViolation;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.CaseStatus;
import org.civitas.cases.MergedCase;
import org.civitas.cases.ReplyOutcome;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Reports merged into a master follow it: listed on it, told its outcome once, never dispatched at intake. */
@IntegrationTest
class MergedCasesTest {

    @Autowired CaseService cases;
    @Autowired MergedCases merged;
    @Autowired MutableClock clock;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void a_tuesday() {
        clock.set(LocalDateTime.of(2026, 3, 10, 9, 0));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_report_merged_into_a_master_whose_reply_was_accepted_is_told_at_once_and_a_closed_master_is_refused() {
        String phone = phone(1);
        CaseDetails master = as("operator", () -> cases.register(aReport().item("SR-02").in("D05", "S0501").build()));
        CaseDetails accepted = answer(master);

        CaseDetails late = as("operator", () -> cases.registerAsDuplicate(aReport().item("SR-02").in("D05", "S0501")
                .phone(phone).build(), List.of(), master.id()));

        assertThat(late.status()).isEqualTo(CaseStatus.MERGED);
        assertThat(sms(phone)).singleElement().asString().contains(late.number()).contains(master.number());

        CaseDetails closed = as("supervisor", () -> cases.close(accepted.ref(), "已办结"));
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        String other = phone(2);
        assertThatThrownBy(() -> as("operator", () -> cases.registerAsDuplicate(aReport().item("SR-02")
                .in("D05", "S0501").phone(other).build(), List.of(), master.id())))
                .isInstanceOf(RuleViolation.class);
        assertThat(jdbc.queryForObject("select count(*) from case_file where complainant_phone = ?", Integer.class,
                other)).as("a refused merge stores nothing").isZero();
    }

    @Test
    void a_master_merged_later_passes_its_merged_reports_on_to_its_own_master() {
        String first = phone(3);
        CaseDetails a = as("operator", () -> cases.register(aReport().item("SR-02").in("D05", "S0501").build()));
        CaseDetails b = as("operator", () -> cases.registerAsDuplicate(aReport().item("SR-02").in("D05", "S0501")
                .phone(first).build(), List.of(), a.id()));
        CaseDetails c = as("operator", () -> cases.register(aReport().item("SR-02").in("D05", "S0501").build()));
        as("supervisor", () -> cases.merge(cases.get(a.id()).ref(), c.number()));

        List<MergedCase> listed = as("supervisor", () -> merged.of(c.id()));
        assertThat(listed).extracting(MergedCase::number).containsExactly(a.number(), b.number());
        assertThat(listed.get(1).viaNumber()).isEqualTo(a.number());
        assertThat(listed.get(1).complainantMasked()).isTrue();
        assertThat(as("operator", () -> merged.of(c.id())).get(1).complainantPhone()).isEqualTo(first);

        answer(c);
        assertThat(sms(first)).singleElement().asString().contains(b.number()).contains(c.number());
    }

    private CaseDetails answer(CaseDetails master) {
        CaseDetails signed = RunAs.account(users, "clerk.wuchang", () -> cases.sign(cases.get(master.id()).ref()));
        CaseDetails replied = RunAs.account(users, "clerk.wuchang",
                () -> cases.reply(signed.ref(), ReplyOutcome.RESOLVED, "已清扫。", List.of()));
        return as("supervisor", () -> cases.acceptReply(replied.ref(), null));
    }

    private List<String> sms(String phone) {
        return jdbc.queryForList("select body from outbox_message where channel = 'SMS' and recipient = ?",
                String.class, phone);
    }

    private static String phone(int kind) {
        return String.format("13%d%08d", 5 + kind, System.nanoTime() % 100_000_000);
    }

    private <T> T as(String user, Supplier<T> action) {
        return RunAs.account(users, user, action);
    }
}
