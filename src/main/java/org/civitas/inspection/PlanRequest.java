package org.civitas.inspection;

import java.time.LocalDate;
import java.util.Set;

/** What a 暗访计划 is asked for: the period whose cases count, districts and categories (empty = all), and how many stops. */
public record PlanRequest(LocalDate from, LocalDate to, Set<String> districtCodes, Set<String> categoryCodes,
                          int stops) {
}
