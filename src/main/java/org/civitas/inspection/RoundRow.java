package org.civitas.inspection;

import java.time.LocalDate;
import java.util.Set;

/** A round as lists and the detail show it; {@code version} guards edits. */
public record RoundRow(long id, String number, String title, LocalDate startsOn, LocalDate endsOn, String team,
                       Set<String> districtCodes, Set<PlaceType> placeTypes, String places, long version,
                       int findings) {
}
