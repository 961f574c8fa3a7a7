package org.civitas.inspection;

import java.math.BigDecimal;

/**
 * A problem found on a visit; {@code openCase} also registers a case on the INSPECTION channel. The position is where
 * the inspector's phone said it stood (both coordinates or none); {@code accuracyMetres} is the browser's radius.
 */
public record NewFinding(String itemCode, PlaceType placeType, String districtCode, String streetCode,
                         String address, String note, boolean openCase, BigDecimal latitude, BigDecimal longitude,
                         Integer accuracyMetres) {

    /** A finding recorded without a position (at a desk, or the inspector declined to share it). */
    public NewFinding(String itemCode, PlaceType placeType, String districtCode, String streetCode, String address,
                      String note, boolean openCase) {
        this(itemCode, placeType, districtCode, streetCode, address, note, openCase, null, null, null);
    }
}
