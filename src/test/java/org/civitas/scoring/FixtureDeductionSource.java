package org.civitas.scoring;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A stand-in for the inspection feature on the test classpath: one rectification notice not met by D13 in March
 * 2031 (the month of {@link ScoringServiceTest}), and a fact of a kind the rules do not price. Nothing else.
 */
@Component
class FixtureDeductionSource implements DeductionSource {

    static final LocalDateTime AT = LocalDateTime.of(2031, 3, 18, 10, 0);

    @Override
    public List<DeductionFact> facts(LocalDateTime from, LocalDateTime to) {
        if (AT.isBefore(from) || !AT.isBefore(to)) {
            return List.of();
        }
        return List.of(new DeductionFact("D13", "RECTIFICATION_NOT_MET", "ZG-2031-0001", AT),
                new DeductionFact("D13", "SOMETHING_UNPRICED", "X-1", AT));
    }
}
