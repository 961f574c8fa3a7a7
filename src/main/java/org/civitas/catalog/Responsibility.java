package org.civitas.catalog;

/** Who leads an item's case: the district of the place, the item's named unit, or both (docs/design.md §3). */
public enum Responsibility {
    TERRITORIAL,
    DEPARTMENT,
    JOINT;

    /** Department and joint items name the department or enterprise that leads or co-handles them. */
    public boolean needsLeadUnit() {
        return this != TERRITORIAL;
    }
}
