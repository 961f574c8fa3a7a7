package org.civitas.analysis;

/**
 * A hot spot as the analysis and the 暗访计划 show it: the place (a ~200 m cell with its centre, or a district +
 * street + road without coordinates), its item, its figures in the period and its score (docs/decisions/DD070).
 * No complainant is named: repeat complainants are a count.
 */
public record RankedSpot(String key, boolean cell, String districtCode, String districtName, String streetCode,
                         String streetName, String place, String itemCode, String itemName, Double latitude,
                         Double longitude, long count, long repeatComplainants, long dissatisfied, long overdue,
                         long rising, long score) {
}
