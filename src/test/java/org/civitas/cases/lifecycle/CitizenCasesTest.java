package org.civitas.cases.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civitas.cases.Reports.aReport;

import java.time.LocalDateTime;
import java.util.List;
import org.civitas.base.RuleViolation;
import org.civitas.cases.CaseAction;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.CaseStatus;
import org.civitas.cases.Channel;
import org.civitas.cases.HistoryEntry;
import org.civitas.cases.PublicCase;
import org.civitas.cases.Rating;
import org.civitas.cases.ReplyOutcome;
import org.civitas.cases.intake.NewCase;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

@IntegrationTest
class CitizenCasesTest {

    @Autowired CitizenCases citizens;
    @Autowired CaseService cases;
    @Autowired CaseRequestService caseRequests;
    @Autowired MutableClock clock;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService users;

    @BeforeEach
    void anonymous_on_a_monday() {
        SecurityContextHolder.clearContext();
        clock.set(LocalDateTime.of(2026, 5, 11, 9, 0));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_citizen_reports_on_the_web_and_the_case_is_dispatched_like_any_other() {
        PublicCase c = citizens.report(aReport().channel(Channel.WEB, null).item("SR-04").in("D05", "S0501")
                .phone("13900001234").build(), List.of());
        assertThat(c.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(c.leadUnitCode()).isEqualTo("D05");
        assertThat(c.steps()).extracting(PublicCase.Step::action)
                .containsExactly(CaseAction.REGISTER, CaseAction.DISPATCH);
        assertThat(RunAs.user("supervisor", () -> cases.history(c.id()), "SUPERVISOR").get(0).actor())
                .isEqualTo(CitizenCases.CITIZEN);
    }

    @Test
    void an_anonymous_visitor_cannot_pose_as_the_hotline_or_an_inspection() {
        assertThatThrownBy(() -> citizens.report(aReport().channel(Channel.HOTLINE_12345, null).build(), List.of()))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.key()).isEqualTo("citizen.error.channel"));
        assertThatThrownBy(() -> RunAs.user("channel:APP", () -> citizens.report(
                aReport().channel(Channel.INSPECTION, null).build(), List.of()), "CHANNEL"))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void a_wrong_check_code_and_an_unknown_number_get_the_same_refusal() {
        PublicCase c = citizens.report(aReport().channel(Channel.WEB, null).phone("13900005678").build(), List.of());
        assertThat(citizens.track(c.number().toLowerCase(), c.trackingCode()).number()).isEqualTo(c.number());
        for (String[] wrong : new String[][] {{c.number(), "5678"}, {c.number(), c.trackingCode().substring(1)},
                {"WM209901010001", c.trackingCode()}, {c.number(), ""}, {null, null}, {"WM2026", c.trackingCode()},
                {c.number() + "X", c.trackingCode()}}) {
            assertThatThrownBy(() -> citizens.track(wrong[0], wrong[1]))
                    .isInstanceOfSatisfying(RuleViolation.class,
                            v -> assertThat(v.key()).isEqualTo("citizen.error.notFound"));
        }
    }

    @Test
    void the_citizen_rates_once_after_the_reply_and_never_sees_internal_steps() {
        PublicCase c = citizens.report(aReport().channel(Channel.WEB, null).item("SR-04").in("D05", "S0501")
                .phone("13900004321").build(), List.of());
        String code = c.trackingCode();
        assertThatThrownBy(() -> citizens.rate(c.number(), code, Rating.SATISFIED, true, null))
                .isInstanceOfSatisfying(RuleViolation.class,
                        v -> assertThat(v.key()).isEqualTo("citizen.error.notRateable"));
        CaseDetails signed = as("clerk.wuchang", () -> cases.sign(as("supervisor", () -> cases.get(c.id())).ref()));
        CaseDetails asked = as("clerk.wuchang", () -> caseRequests.requestExtension(signed.ref(), "需要协调",
                signed.handleDueAt().plusDays(3)));

        PublicCase before = citizens.track(c.number(), code);
        assertThat(before.steps()).extracting(PublicCase.Step::action)
                .containsExactly(CaseAction.REGISTER, CaseAction.DISPATCH, CaseAction.SIGN);
        assertThat(before.rateable()).isFalse();
        assertThat(before.reply()).isNull();

        as("clerk.wuchang", () -> cases.reply(asked.ref(), ReplyOutcome.RESOLVED, "已清理完毕", List.of()));
        PublicCase replied = citizens.track(c.number(), code);
        assertThat(replied.reply()).isEqualTo("已清理完毕");
        assertThat(replied.rateable()).isTrue();

        PublicCase rated = citizens.rate(c.number(), code, Rating.BASICALLY_SATISFIED, true, "<script>谢谢</script>");
        assertThat(rated.rating()).isEqualTo(Rating.BASICALLY_SATISFIED);
        assertThat(rated.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(rated.rateable()).isFalse();
        assertThatThrownBy(() -> citizens.rate(c.number(), code, Rating.DISSATISFIED, false, null))
                .isInstanceOf(RuleViolation.class);
        List<HistoryEntry> history = as("supervisor", () -> cases.history(c.id()));
        assertThat(history).filteredOn(h -> h.action() == CaseAction.RATE).singleElement()
                .satisfies(h -> {
                    assertThat(h.actor()).isEqualTo(CitizenCases.CITIZEN);
                    assertThat(h.note()).isEqualTo("<script>谢谢</script>");
                });
    }

    @Test
    void a_channel_system_files_once_per_own_id_and_reads_only_its_own_cases() {
        NewCase report = aReport().channel(Channel.APP, "APP-20260511-0001").build();
        PublicCase first = RunAs.user("channel:APP", () -> citizens.report(report, List.of()), "CHANNEL");
        PublicCase again = RunAs.user("channel:APP", () -> citizens.report(report, List.of()), "CHANNEL");
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(RunAs.user("channel:APP", () -> citizens.ofChannel(Channel.APP, "APP-20260511-0001"), "CHANNEL")
                .number()).isEqualTo(first.number());
        assertThatThrownBy(() -> RunAs.user("channel:WECHAT", () -> citizens.ofChannelByNumber(Channel.WECHAT,
                first.number()), "CHANNEL")).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> RunAs.user("operator", () -> citizens.ofChannel(Channel.APP, "APP-20260511-0001"),
                "OPERATOR")).isInstanceOf(AccessDeniedException.class);
    }

    private <T> T as(String username, java.util.function.Supplier<T> action) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        var details = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(details, null,
                        details.getAuthorities()));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
