package org.civitas.dispatch;

import java.util.Optional;
import java.util.Set;
import org.civitas.catalog.Responsibility;

/**
 * 系统分派: the responsibility of the list item and the district of the place decide the unit, with no person in
 * between. The rules read only the item's data — no unit is named in code.
 * <ul>
 * <li>TERRITORIAL: the district where it happened;</li>
 * <li>DEPARTMENT: the item's lead unit wherever it happened;</li>
 * <li>JOINT: the district leads, the item's department co-handles.</li>
 * </ul>
 * Empty when the data is not enough (no district for a territorial or joint item, no lead unit for a
 * department item): the case then waits in the classification queue.
 */
public final class DispatchRules {

    private DispatchRules() {
    }

    public static Optional<Assignment> decide(Responsibility responsibility, String itemLeadUnit,
                                              String districtCode) {
        if (responsibility == null) {
            return Optional.empty();
        }
        return switch (responsibility) {
            case TERRITORIAL -> present(districtCode).map(d -> new Assignment(d, Set.of()));
            case DEPARTMENT -> present(itemLeadUnit).map(u -> new Assignment(u, Set.of()));
            case JOINT -> present(districtCode).flatMap(d -> present(itemLeadUnit)
                    .map(u -> new Assignment(d, Set.of(u))));
        };
    }

    private static Optional<String> present(String code) {
        return code == null || code.isBlank() ? Optional.empty() : Optional.of(code);
    }
}
