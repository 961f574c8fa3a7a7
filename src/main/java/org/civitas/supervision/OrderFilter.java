package org.civitas.supervision;

import java.time.LocalDate;
import java.util.Set;

/** Filters of the order list; null or empty means "any". Dates are of issue, both ends included. */
public record OrderFilter(Set<OrderState> states, Set<SupervisionLevel> levels, String unitCode, Boolean auto,
                          LocalDate issuedFrom, LocalDate issuedTo) {

    public static OrderFilter any() {
        return new OrderFilter(Set.of(), Set.of(), null, null, null, null);
    }

    public OrderFilter withStates(Set<OrderState> s) {
        return new OrderFilter(s, levels, unitCode, auto, issuedFrom, issuedTo);
    }

    public OrderFilter withUnit(String unit) {
        return new OrderFilter(states, levels, unit, auto, issuedFrom, issuedTo);
    }
}
