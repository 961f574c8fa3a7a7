package org.civitas.scoring;

import java.math.BigDecimal;
import org.civitas.catalog.PeerGroup;

/**
 * A unit's month: its cases (those it leads, received in the month), the four rates, the points deducted and the
 * score. {@code rank} is within the peer group and null when the unit has fewer cases than the rules' minimum.
 */
public record UnitScore(String unitCode, String unitName, PeerGroup peerGroup, long cases, Ratio sign, Ratio onTime,
                        Ratio satisfaction, Ratio solved, BigDecimal deductions, BigDecimal score, boolean ranked,
                        Integer rank, Band band) {
}
