package org.civitas.calendar;

/** How an item's handling limit is counted; see DESIGN.md §4. */
public enum LimitUnit {
    HOURS,
    WORKING_HOURS,
    WORKING_DAYS,
    NATURAL_DAYS
}
