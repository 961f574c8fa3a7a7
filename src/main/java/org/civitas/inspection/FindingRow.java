package org.civitas.inspection;

import java.math.BigDecimal;

/**
 * A finding with the unit that answers for it (from the dispatch rules) and its notice, once issued; the position
 * where it was recorded, if the inspector shared it.
 */
public record FindingRow(long id, long roundId, String itemCode, String itemName, PlaceType placeType,
                         String districtCode, String streetCode, String address, String note, String unitCode,
                         FindingState state, Long noticeId, String caseNumber, int photos, BigDecimal latitude,
                         BigDecimal longitude, Integer accuracyMetres) {
}
