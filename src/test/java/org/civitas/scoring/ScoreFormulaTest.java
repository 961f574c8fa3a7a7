package org.civitas.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;
import org.civitas.scoring.ScoreFormula.Inputs;
import org.civitas.scoring.ScoreFormula.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The score of one unit's month without a database, with the default rules: weights 10/30/40/20 (sign, on time,
 * satisfaction, solved), 2 points a supervision order, 1 a reopen, 2 an overdue emergency case, 3 a rectification
 * notice not met, 0.5 a rejected return; 5 cases to be ranked; bands 85 % / 75 %.
 */
class ScoreFormulaTest {

    static final ScoringRules RULES = new ScoringRules(YearMonth.of(2026, 1), 10, 30, 40, 20, new BigDecimal("2.00"),
            new BigDecimal("1.00"), new BigDecimal("2.00"), new BigDecimal("3.00"), new BigDecimal("0.50"), 5, 85, 75);

    static final Ratio ALL = new Ratio(10, 10);

    @Test
    void a_unit_with_every_rate_full_and_nothing_deducted_scores_a_hundred() {
        Result r = score(inputs(10, ALL, ALL, ALL, ALL, Map.of()));
        assertThat(r.score()).isEqualByComparingTo("100");
        assertThat(r.score().scale()).isEqualTo(2);
        assertThat(r.deductions()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void each_rate_counts_with_its_weight() {
        Ratio half = new Ratio(5, 10);
        assertThat(score(inputs(10, half, ALL, ALL, ALL, Map.of())).score()).isEqualTo(new BigDecimal("95.00"));
        assertThat(score(inputs(10, ALL, half, ALL, ALL, Map.of())).score()).isEqualTo(new BigDecimal("85.00"));
        assertThat(score(inputs(10, ALL, ALL, half, ALL, Map.of())).score()).isEqualTo(new BigDecimal("80.00"));
        assertThat(score(inputs(10, ALL, ALL, ALL, half, Map.of())).score()).isEqualTo(new BigDecimal("90.00"));
    }

    @Test
    void a_rate_with_nothing_to_count_scores_full_marks() {
        Ratio none = new Ratio(0, 0);
        Result r = score(inputs(0, none, none, none, none, Map.of()));
        assertThat(r.score()).isEqualTo(new BigDecimal("100.00"));
        assertThat(r.band()).isEqualTo(Band.NONE);
    }

    @ParameterizedTest
    @CsvSource({"SUPERVISION_ORDER, 2.00", "REOPEN, 1.00", "OVERDUE_EMERGENCY, 2.00", "RECTIFICATION_NOT_MET, 3.00",
            "RETURN_REJECTED, 0.50"})
    void each_deduction_costs_its_points_per_fact(DeductionKind kind, String points) {
        BigDecimal one = new BigDecimal(points);
        Result once = score(inputs(10, ALL, ALL, ALL, ALL, Map.of(kind, 1L)));
        assertThat(once.deductions()).isEqualTo(one);
        assertThat(once.score()).isEqualTo(new BigDecimal("100.00").subtract(one));
        Result thrice = score(inputs(10, ALL, ALL, ALL, ALL, Map.of(kind, 3L)));
        assertThat(thrice.deductions()).isEqualTo(one.multiply(BigDecimal.valueOf(3)).setScale(2));
        assertThat(thrice.score()).isEqualTo(new BigDecimal("100.00").subtract(thrice.deductions()));
    }

    @Test
    void deductions_of_several_kinds_add_up() {
        Map<DeductionKind, Long> facts = new EnumMap<>(DeductionKind.class);
        facts.put(DeductionKind.SUPERVISION_ORDER, 2L); // 4
        facts.put(DeductionKind.REOPEN, 3L);            // 3
        facts.put(DeductionKind.RETURN_REJECTED, 1L);   // 0.5
        Result r = score(inputs(10, ALL, ALL, ALL, ALL, facts));
        assertThat(r.deductions()).isEqualTo(new BigDecimal("7.50"));
        assertThat(r.score()).isEqualTo(new BigDecimal("92.50"));
    }

    @Test
    void the_score_never_goes_below_zero_but_the_deductions_are_shown_in_full() {
        Result r = score(inputs(10, ALL, ALL, ALL, ALL, Map.of(DeductionKind.SUPERVISION_ORDER, 60L)));
        assertThat(r.score()).isEqualTo(new BigDecimal("0.00"));
        assertThat(r.deductions()).isEqualTo(new BigDecimal("120.00"));
    }

    @Test
    void the_score_is_rounded_half_up_to_two_decimals() {
        // sign 1/16 → 0.625 points: 90.625 → 90.63 (half even would give 90.62)
        assertThat(score(inputs(10, new Ratio(1, 16), ALL, ALL, ALL, Map.of())).score())
                .isEqualTo(new BigDecimal("90.63"));
        // on time 2/3 → 19.999…: 89.999… → 90.00
        assertThat(score(inputs(10, ALL, new Ratio(2, 3), ALL, ALL, Map.of())).score())
                .isEqualTo(new BigDecimal("90.00"));
        // satisfaction 1/3 → 13.333…: 73.333… → 73.33
        assertThat(score(inputs(10, ALL, ALL, new Ratio(1, 3), ALL, Map.of())).score())
                .isEqualTo(new BigDecimal("73.33"));
    }

    @ParameterizedTest(name = "{0}/{1} satisfied → {2}")
    @CsvSource({"100, 100, GOOD", "85, 100, GOOD", "17, 20, GOOD", "84, 100, NORMAL", "849, 1000, NORMAL",
            "75, 100, NORMAL", "3, 4, NORMAL", "74, 100, FAILING", "749, 1000, FAILING", "0, 5, FAILING",
            "0, 0, NONE"})
    void the_band_is_good_at_or_above_the_upper_bound_and_failing_below_the_lower(long part, long whole,
                                                                                  Band expected) {
        assertThat(score(inputs(10, ALL, ALL, new Ratio(part, whole), ALL, Map.of())).band()).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(value = Band.class)
    void the_band_ignores_the_other_rates_and_the_deductions(Band band) {
        Ratio satisfaction = switch (band) {
            case GOOD -> new Ratio(9, 10);
            case NORMAL -> new Ratio(8, 10);
            case FAILING -> new Ratio(7, 10);
            case NONE -> new Ratio(0, 0);
        };
        Ratio none = new Ratio(0, 10);
        assertThat(score(inputs(10, none, none, satisfaction, none, Map.of(DeductionKind.REOPEN, 9L))).band())
                .isEqualTo(band);
    }

    @Test
    void a_unit_is_ranked_from_the_rules_minimum_of_cases() {
        assertThat(score(inputs(5, ALL, ALL, ALL, ALL, Map.of())).ranked()).isTrue();
        assertThat(score(inputs(4, ALL, ALL, ALL, ALL, Map.of())).ranked()).isFalse();
        assertThat(score(inputs(0, ALL, ALL, ALL, ALL, Map.of())).ranked()).isFalse();
    }

    private static Inputs inputs(long cases, Ratio sign, Ratio onTime, Ratio satisfaction, Ratio solved,
                                 Map<DeductionKind, Long> facts) {
        return new Inputs(cases, sign, onTime, satisfaction, solved, facts);
    }

    private static Result score(Inputs in) {
        return ScoreFormula.score(in, RULES);
    }
}
