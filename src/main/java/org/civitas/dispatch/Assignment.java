package org.civitas.dispatch;

import java.util.Set;

/** Who handles a case: the lead unit, and the co-handling units of a joint item. */
public record Assignment(String leadUnitCode, Set<String> coUnitCodes) {

    public Assignment {
        coUnitCodes = Set.copyOf(coUnitCodes);
    }
}
