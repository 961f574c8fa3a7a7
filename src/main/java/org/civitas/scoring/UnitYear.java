package org.civitas.scoring;

import java.math.BigDecimal;
import java.util.List;
import org.civitas.catalog.PeerGroup;

/**
 * A unit's year: the monthly scores (null where the unit was not ranked or the month has not come), the bi-monthly
 * evaluations (average of the two months' scores) and the annual assessment (average of the ranked months), with
 * its rank in the peer group by that average.
 */
public record UnitYear(String unitCode, String unitName, PeerGroup peerGroup, List<BigDecimal> months,
                       List<BigDecimal> biMonths, BigDecimal annual, Integer rank) {
}
