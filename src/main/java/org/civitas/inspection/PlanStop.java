package org.civitas.inspection;

import java.util.List;
import org.civitas.analysis.RankedSpot;

/** A proposed stop of a 暗访计划: a hot spot and the numbers of the rectification notices already issued there. */
public record PlanStop(RankedSpot spot, List<String> pastNotices) {

    public PlanStop {
        pastNotices = List.copyOf(pastNotices);
    }
}
