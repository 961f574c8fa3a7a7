package org.civitas.inspection;

import java.time.LocalDate;
import java.util.Set;

/** A round as the inspector enters it: dates, team, the districts and place types covered, the places visited. */
public record NewRound(String title, LocalDate startsOn, LocalDate endsOn, String team, Set<String> districtCodes,
                       Set<PlaceType> placeTypes, String places) {
}
