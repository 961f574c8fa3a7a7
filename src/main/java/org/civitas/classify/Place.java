package org.civitas.classify;

/**
 * The district (and street, when named) read from an address or text, and how sure: 0.95 when the unit's own name
 * is written, less for a short form, a landmark or a road learned from past cases (DD050). Codes are null when
 * nothing was recognised.
 */
public record Place(String districtCode, String districtName, String streetCode, String streetName,
                    double confidence, String evidence) {

    static final Place NONE = new Place(null, null, null, null, 0, null);

    public boolean recognised() {
        return districtCode != null;
    }
}
