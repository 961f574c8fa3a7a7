package org.civitas.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.YearMonth;
import org.civitas.base.RuleViolation;
import org.civitas.base.identity.AppRoles;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/** The monthly bulletin of September 2031 (enterprises only): published once, audited, frozen, public. */
@IntegrationTest
class BulletinTest {

    static final YearMonth SEPTEMBER = YearMonth.of(2031, 9);
    static final LocalDateTime S = LocalDateTime.of(2031, 9, 8, 9, 0);

    @Autowired ScoringService scoring;
    @Autowired MutableClock clock;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_published_bulletin_does_not_change_when_later_data_arrives() {
        ScoringFixtures fx = new ScoringFixtures(jdbc);
        for (int i = 0; i < 5; i++) {
            fx.aCase("E05", S).repliedOnTime("SATISFIED", true).insert();
        }
        long first = fx.aCase("E04", S).repliedOnTime("SATISFIED", true).insert();
        for (int i = 0; i < 4; i++) {
            fx.aCase("E04", S).repliedOnTime("DISSATISFIED", false).insert();
        }
        fx.order(first, "E04", "LISTED", S.plusDays(2));

        clock.set(LocalDateTime.of(2031, 9, 20, 9, 0));
        assertThatThrownBy(() -> asSupervisor(() -> scoring.publish(SEPTEMBER)))
                .isInstanceOf(RuleViolation.class).hasFieldOrPropertyWithValue("key", "scoring.error.monthNotOver");

        clock.set(LocalDateTime.of(2031, 10, 2, 9, 0));
        MonthlyScores published = asSupervisor(() -> scoring.publish(SEPTEMBER));
        assertThat(published.published()).isTrue();
        // E04: 10 + 30 + 40 × 1/5 + 20 × 1/5 = 52, less 2 for the listed order
        assertThat(published.unit("E04").score()).isEqualByComparingTo("50.00");
        assertThat(published.unit("E05").score()).isEqualByComparingTo("100.00");
        assertThat(published.unit("E05").rank()).isEqualTo(1);
        assertThat(published.unit("E04").rank()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'BULLETIN_PUBLISHED'"
                + " and target_id = '2031-09' and actor = 'supervisor'", Integer.class)).isEqualTo(1);

        // later: E05 gets a late, dissatisfied case of September and a reopen; E04 another supervision order
        long late = fx.aCase("E05", S).replied(LocalDateTime.of(2031, 10, 5, 9, 0), false, "DISSATISFIED", false)
                .insert();
        fx.history(late, "REOPEN", "E05", LocalDateTime.of(2031, 9, 30, 9, 0));
        fx.order(first, "E04", "SUPERVISION", S.plusDays(3));
        clock.set(LocalDateTime.of(2031, 10, 9, 9, 0));

        MonthlyScores again = asSupervisor(() -> scoring.month(SEPTEMBER));
        assertThat(again.units()).isEqualTo(published.units());
        assertThat(again.unit("E05").cases()).isEqualTo(5);
        assertThat(asSupervisor(() -> scoring.deductions(SEPTEMBER, "E04"))).hasSize(1);
        assertThat(asSupervisor(() -> scoring.deductions(SEPTEMBER, "E05"))).isEmpty();
        assertThatThrownBy(() -> asSupervisor(() -> scoring.publish(SEPTEMBER)))
                .isInstanceOf(RuleViolation.class).hasFieldOrPropertyWithValue("key", "scoring.error.published");

        // the public page needs no login and shows only the frozen figures
        SecurityContextHolder.clearContext();
        assertThat(scoring.publishedMonths()).contains(SEPTEMBER);
        PublicStats stats = scoring.publicStats(SEPTEMBER);
        assertThat(stats.scores().unit("E04").score()).isEqualByComparingTo("50.00");
        assertThat(stats.topItems()).extracting(PublishedItem::itemCode).contains("SR-02");
        assertThatThrownBy(() -> scoring.publicStats(YearMonth.of(2031, 8))).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> scoring.month(SEPTEMBER)).isInstanceOf(
                org.springframework.security.core.AuthenticationException.class);
    }

    @Test
    void only_a_supervisor_publishes() {
        clock.set(LocalDateTime.of(2031, 12, 2, 9, 0));
        assertThatThrownBy(() -> RunAs.user("clerk.wuchang", () -> scoring.publish(YearMonth.of(2031, 11)),
                AppRoles.UNIT_CLERK)).isInstanceOf(AccessDeniedException.class);
    }

    private static <T> T asSupervisor(java.util.function.Supplier<T> action) {
        return RunAs.user("supervisor", action, AppRoles.SUPERVISOR);
    }
}
