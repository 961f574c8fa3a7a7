package org.civitas.calendar;

/** How an item's handling limit is counted; see docs/design.md §5. */
public enum LimitUnit {
    HOURS,
    WORKING_HOURS,
    WORKING_DAYS,
    NATURAL_DAYS
}
