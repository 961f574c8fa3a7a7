package org.civitas.supervision;

/** A unit's open cases (still awaiting the unit), those in the warning window, overdue, and under supervision. */
public record UnitLoad(String unitCode, long open, long warning, long overdue, long supervised) {
}
