package org.civitas.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * A unit's month scored (评分细则): the four rates weighted by the rules, less the points of every deduction, never
 * below zero, to two decimals (half up); the satisfaction band; ranked only with the rules' minimum of cases.
 * No database: {@link ScoreQueries} counts, this computes.
 */
final class ScoreFormula {

    /** What a unit's month is scored from: its cases, the four rates and how many facts of each kind it has. */
    record Inputs(long cases, Ratio sign, Ratio onTime, Ratio satisfaction, Ratio solved,
                  Map<DeductionKind, Long> facts) {
        Inputs {
            facts = Map.copyOf(facts);
        }
    }

    /** The score and the points deducted, both to two decimals; the band; whether the unit is ranked. */
    record Result(BigDecimal score, BigDecimal deductions, Band band, boolean ranked) {
    }

    private ScoreFormula() {
    }

    static Result score(Inputs in, ScoringRules rules) {
        BigDecimal deductions = BigDecimal.ZERO;
        for (var e : in.facts().entrySet()) {
            deductions = deductions.add(rules.points(e.getKey()).multiply(BigDecimal.valueOf(e.getValue())));
        }
        double gross = rules.weightSign() * in.sign().value() + rules.weightOnTime() * in.onTime().value()
                + rules.weightSatisfaction() * in.satisfaction().value() + rules.weightSolved() * in.solved().value();
        BigDecimal score = BigDecimal.valueOf(gross).subtract(deductions).max(BigDecimal.ZERO)
                .setScale(2, RoundingMode.HALF_UP);
        return new Result(score, deductions.setScale(2, RoundingMode.HALF_UP), band(in.satisfaction(), rules),
                in.cases() >= rules.minCases());
    }

    /** GOOD at or above the rules' upper bound, FAILING below the lower, NORMAL between; NONE when nobody rated. */
    static Band band(Ratio satisfaction, ScoringRules rules) {
        if (satisfaction.empty()) {
            return Band.NONE;
        }
        double pct = 100.0 * satisfaction.value();
        return pct >= rules.goodBand() ? Band.GOOD : pct < rules.failingBand() ? Band.FAILING : Band.NORMAL;
    }
}
