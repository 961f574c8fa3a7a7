package org.civitas.catalog;

import org.civitas.calendar.LimitUnit;

/**
 * A list item as intake, dispatch and the admin grid see it, with the names of its category and lead unit.
 * {@code version} is the row's optimistic-lock version; {@code versionId} the list version it belongs to.
 */
public record ItemView(long id, long versionId, String code, String categoryCode, String categoryName, String name,
                       String description, Urgency urgency, int timeLimit, LimitUnit timeUnit,
                       Responsibility responsibility, String leadUnitCode, String leadUnitName, String legalBasis,
                       long version) {

    /** The fields an administrator edits, as they are now. */
    public ItemForm toForm() {
        return new ItemForm(name, description, urgency, timeLimit, timeUnit, responsibility, leadUnitCode,
                legalBasis);
    }
}
