package org.civitas.calendar;

/** An exception to the Monday–Friday week: a public holiday or a make-up working day (调休补班). */
public enum DayKind {
    HOLIDAY,
    WORKDAY
}
