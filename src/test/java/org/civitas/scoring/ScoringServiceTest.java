package org.civitas.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.util.List;
import org.civitas.base.RuleViolation;
import org.civitas.catalog.PeerGroup;
import org.civitas.base.identity.AppRoles;
import org.civitas.test.IntegrationTest;
import org.civitas.test.MutableClock;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Scores, ranks and deductions on hand-counted months of 2031 (no other test has cases then), with the default
 * rules: weights 10/30/40/20, 2 points a supervision order, 1 a reopen, 2 an overdue emergency case, 3 a
 * rectification notice not met, 0.5 a rejected return; 5 cases to be ranked; bands 85 % / 75 %.
 */
@IntegrationTest
class ScoringServiceTest {

    static final YearMonth MARCH = YearMonth.of(2031, 3);
    static final LocalDateTime M = LocalDateTime.of(2031, 3, 3, 9, 0);

    @Autowired ScoringService scoring;
    @Autowired ScoringRuleService rules;
    @Autowired MutableClock clock;
    @Autowired JdbcTemplate jdbc;
    ScoringFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new ScoringFixtures(jdbc);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static synchronized void marchOnce(ScoringFixtures fx) {
        if (march != null) {
            return;
        }
        // D13: five cases, ranked
        fx.aCase("D13", M).repliedOnTime("SATISFIED", true).insert();
        fx.aCase("D13", M).repliedOnTime("BASICALLY_SATISFIED", true).insert();
        long late = fx.aCase("D13", M).replied(LocalDateTime.of(2031, 3, 20, 9, 0), false, "DISSATISFIED", false)
                .insert();
        long overdue = fx.aCase("D13", M).emergency().open(LocalDateTime.of(2031, 3, 25, 17, 30)).insert();
        fx.aCase("D13", M).signedLate().open(LocalDateTime.of(2031, 4, 5, 17, 30)).insert(); // due after the month
        fx.aCase("D13", M).status("INVALID").insert(); // not counted
        fx.aCase("D13", LocalDateTime.of(2031, 2, 27, 9, 0)).open(LocalDateTime.of(2031, 3, 2, 9, 0)).insert();
        fx.order(overdue, "D13", "SUPERVISION", LocalDateTime.of(2031, 3, 26, 9, 0));
        fx.order(overdue, "D13", "REMINDER", LocalDateTime.of(2031, 3, 25, 18, 0)); // a reminder costs nothing
        fx.history(late, "REOPEN", "D13", LocalDateTime.of(2031, 3, 22, 9, 0));
        // D14: five perfect cases; D15: two perfect cases, under the minimum; D16: no case
        for (int i = 0; i < 5; i++) {
            fx.aCase("D14", M).repliedOnTime("SATISFIED", true).insert();
        }
        for (int i = 0; i < 2; i++) {
            fx.aCase("D15", M).repliedOnTime("SATISFIED", true).insert();
        }
        march = new long[] {late, overdue};
    }

    static long[] march;

    MonthlyScores march() {
        marchOnce(fx);
        clock.set(LocalDateTime.of(2031, 4, 10, 9, 0));
        return RunAs.user("supervisor", () -> scoring.month(MARCH), AppRoles.SUPERVISOR);
    }

    @Test
    void the_score_is_the_weighted_rates_less_the_priced_deductions() {
        UnitScore d13 = march().unit("D13");
        assertThat(d13.cases()).isEqualTo(5);
        assertThat(d13.sign()).isEqualTo(new Ratio(4, 5));
        // replied on time 2 ÷ (3 replied + 1 open past its deadline at the month's end); the case due in April waits
        assertThat(d13.onTime()).isEqualTo(new Ratio(2, 4));
        assertThat(d13.satisfaction()).isEqualTo(new Ratio(2, 3)); // the two unrated open cases are left out
        assertThat(d13.solved()).isEqualTo(new Ratio(2, 3));
        // order 2 + reopen 1 + overdue emergency 2 + rectification not met 3 = 8
        assertThat(d13.deductions()).isEqualByComparingTo("8.00");
        // 10 × 0.8 + 30 × 0.5 + 40 × 2/3 + 20 × 2/3 = 63, less 8
        assertThat(d13.score()).isEqualByComparingTo("55.00");
        assertThat(d13.band()).isEqualTo(Band.FAILING);
    }

    @Test
    void units_are_ranked_in_their_peer_group_and_a_unit_under_the_minimum_is_listed_unranked() {
        MonthlyScores scores = march();
        // the reference data's four zones (units other tests create in the group come unranked after them)
        List<UnitScore> zones = scores.group(PeerGroup.FUNCTIONAL_ZONE).stream()
                .filter(u -> List.of("D13", "D14", "D15", "D16").contains(u.unitCode())).toList();
        assertThat(zones).extracting(UnitScore::unitCode).containsExactly("D14", "D13", "D15", "D16");
        assertThat(zones).extracting(UnitScore::rank).containsExactly(1, 2, null, null);
        assertThat(scores.unit("D14").score()).isEqualByComparingTo("100.00");
        assertThat(scores.unit("D14").band()).isEqualTo(Band.GOOD);
        assertThat(scores.unit("D15").ranked()).isFalse();
        assertThat(scores.unit("D15").cases()).isEqualTo(2);
        assertThat(scores.unit("D16").cases()).isZero();
        assertThat(scores.red()).extracting(UnitScore::unitCode).containsExactly("D14", "D13");
        assertThat(scores.black()).isEmpty(); // two ranked units city-wide: both on the red list
    }

    @Test
    void every_deduction_names_its_case_or_notice() {
        march();
        List<Deduction> d = RunAs.user("leader", () -> scoring.deductions(MARCH, "D13"), AppRoles.LEADER);
        assertThat(d).extracting(Deduction::kind, Deduction::caseId, Deduction::points).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(DeductionKind.SUPERVISION_ORDER, march[1], new BigDecimal("2.00")),
                org.assertj.core.groups.Tuple.tuple(DeductionKind.REOPEN, march[0], new BigDecimal("1.00")),
                org.assertj.core.groups.Tuple.tuple(DeductionKind.OVERDUE_EMERGENCY, march[1], new BigDecimal("2.00")),
                org.assertj.core.groups.Tuple.tuple(DeductionKind.RECTIFICATION_NOT_MET, null, new BigDecimal("3.00")));
        assertThat(d).filteredOn(x -> x.kind() == DeductionKind.RECTIFICATION_NOT_MET).extracting(Deduction::reference)
                .containsExactly("ZG-2031-0001");
        BigDecimal sum = d.stream().map(Deduction::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(march().unit("D13").deductions());
    }

    @Test
    void the_annual_assessment_averages_the_ranked_months() {
        marchOnce(fx);
        // April: D13 five perfect cases → 100; the year average of D13 is (55 + 100) ÷ 2
        for (int i = 0; i < 5; i++) {
            fx.aCase("D13", LocalDateTime.of(2031, 4, 7, 9, 0)).repliedOnTime("SATISFIED", true).insert();
        }
        clock.set(LocalDateTime.of(2031, 5, 10, 9, 0));
        List<UnitYear> year = RunAs.user("leader", () -> scoring.year(Year.of(2031)), AppRoles.LEADER);
        UnitYear d13 = year.stream().filter(u -> u.unitCode().equals("D13")).findFirst().orElseThrow();
        assertThat(d13.months().get(2)).isEqualByComparingTo("55.00");
        assertThat(d13.months().get(3)).isEqualByComparingTo("100.00");
        assertThat(d13.months().get(4)).isNull(); // May: no case, not ranked
        assertThat(d13.biMonths().get(1)).isEqualByComparingTo("77.50"); // March–April
        assertThat(d13.annual()).isEqualByComparingTo("77.50");
        UnitYear d15 = year.stream().filter(u -> u.unitCode().equals("D15")).findFirst().orElseThrow();
        assertThat(d15.annual()).isNull();
        assertThat(d15.rank()).isNull();
    }

    @Test
    void a_clerk_cannot_read_the_city_rankings_and_a_leader_can() {
        marchOnce(fx);
        assertThatThrownBy(() -> RunAs.user("clerk.jiangan", () -> scoring.month(MARCH), AppRoles.UNIT_CLERK))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> RunAs.user("clerk.jiangan", () -> scoring.deductions(MARCH, "D01"),
                AppRoles.UNIT_CLERK)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> RunAs.user("leader", () -> scoring.publish(MARCH), AppRoles.LEADER))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(RunAs.user("leader", () -> scoring.month(MARCH), AppRoles.LEADER).units()).isNotEmpty();
    }

    @Test
    void rules_apply_from_their_month_until_a_newer_version_and_must_add_up_to_100() {
        YearMonth from = YearMonth.of(2033, 1);
        ScoringRules base = RunAs.user("supervisor", () -> rules.rulesFor(from.minusMonths(1)), AppRoles.SUPERVISOR);
        ScoringRules changed = new ScoringRules(from, 20, 30, 30, 20, new BigDecimal("5.00"), base.perReopen(),
                base.perOverdueEmergency(), base.perRectificationNotMet(), base.perReturnRejected(), 8, 90, 70);
        RunAs.user("supervisor", () -> rules.save(changed), AppRoles.SUPERVISOR);
        assertThat(RunAs.user("supervisor", () -> rules.rulesFor(YearMonth.of(2033, 6)), AppRoles.SUPERVISOR))
                .isEqualTo(changed.from(YearMonth.of(2033, 6)));
        assertThat(RunAs.user("supervisor", () -> rules.rulesFor(YearMonth.of(2032, 12)), AppRoles.SUPERVISOR))
                .isEqualTo(base.from(YearMonth.of(2032, 12)));
        ScoringRules bad = new ScoringRules(YearMonth.of(2034, 1), 20, 30, 30, 30, BigDecimal.ONE, BigDecimal.ONE,
                BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, 5, 85, 75);
        assertThatThrownBy(() -> RunAs.user("supervisor", () -> rules.save(bad), AppRoles.SUPERVISOR))
                .isInstanceOf(RuleViolation.class).hasFieldOrPropertyWithValue("key", "scoring.error.weights");
        assertThat(RunAs.user("supervisor", () -> rules.rulesFor(YearMonth.of(2034, 2)), AppRoles.SUPERVISOR)
                .weightSign()).isEqualTo(20);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'SCORING_RULES_SAVED'"
                + " and target_id = '2033-01'", Integer.class)).isEqualTo(1);
        assertThatThrownBy(() -> RunAs.user("leader", () -> rules.save(changed), AppRoles.LEADER))
                .isInstanceOf(AccessDeniedException.class);
    }
}
