package org.civitas.inspection;

/** A finding with the unit that answers for it (from the dispatch rules) and its notice, once issued. */
public record FindingRow(long id, long roundId, String itemCode, String itemName, PlaceType placeType,
                         String districtCode, String streetCode, String address, String note, String unitCode,
                         FindingState state, Long noticeId, String caseNumber, int photos) {
}
