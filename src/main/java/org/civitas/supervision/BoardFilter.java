package org.civitas.supervision;

/**
 * The board's filters: the district a case lies in and the unit leading it (a department or an enterprise). Null
 * means any.
 */
public record BoardFilter(String districtCode, String leadUnitCode) {

    public static BoardFilter none() {
        return new BoardFilter(null, null);
    }
}
