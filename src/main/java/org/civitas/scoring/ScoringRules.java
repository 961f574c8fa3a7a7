package org.civitas.scoring;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One version of the scoring rules (评分细则), applying from {@code from} until a newer version. Weights are points
 * out of 100 for the four rates; deductions are points per fact; bands are satisfaction percentages.
 */
public record ScoringRules(YearMonth from, int weightSign, int weightOnTime, int weightSatisfaction, int weightSolved,
                           BigDecimal perSupervisionOrder, BigDecimal perReopen, BigDecimal perOverdueEmergency,
                           BigDecimal perRectificationNotMet, BigDecimal perReturnRejected, int minCases,
                           int goodBand, int failingBand) {

    public BigDecimal points(DeductionKind kind) {
        return switch (kind) {
            case SUPERVISION_ORDER -> perSupervisionOrder;
            case REOPEN -> perReopen;
            case OVERDUE_EMERGENCY -> perOverdueEmergency;
            case RECTIFICATION_NOT_MET -> perRectificationNotMet;
            case RETURN_REJECTED -> perReturnRejected;
        };
    }

    public ScoringRules from(YearMonth month) {
        return new ScoringRules(month, weightSign, weightOnTime, weightSatisfaction, weightSolved, perSupervisionOrder,
                perReopen, perOverdueEmergency, perRectificationNotMet, perReturnRejected, minCases, goodBand,
                failingBand);
    }
}
