package org.civitas.inspection;

/** A problem found on a visit; {@code openCase} also registers a case on the INSPECTION channel. */
public record NewFinding(String itemCode, PlaceType placeType, String districtCode, String streetCode,
                         String address, String note, boolean openCase) {
}
