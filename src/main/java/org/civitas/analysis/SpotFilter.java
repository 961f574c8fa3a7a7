package org.civitas.analysis;

import java.time.LocalDate;
import java.util.Set;

/** Which hot spots to rank: the cases received from {@code from} to {@code to} (inclusive), optionally narrowed. */
public record SpotFilter(LocalDate from, LocalDate to, Set<String> districtCodes, Set<String> categoryCodes,
                         int limit) {

    public SpotFilter {
        districtCodes = districtCodes == null ? Set.of() : Set.copyOf(districtCodes);
        categoryCodes = categoryCodes == null ? Set.of() : Set.copyOf(categoryCodes);
    }
}
