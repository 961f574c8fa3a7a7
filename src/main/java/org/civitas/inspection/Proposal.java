package org.civitas.inspection;

import java.util.List;

/** A proposed 暗访计划: the top places in visiting order, and the next-ranked ones the person may add. */
public record Proposal(List<PlanStop> stops, List<PlanStop> more) {
}
