package org.civitas.catalog;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A version of the negative list. Its status is relative to today: a superseded version is history (its cases keep
 * pointing at it) and is no longer edited.
 */
public record VersionView(long id, String label, LocalDate effectiveFrom, LocalDateTime createdAt, String createdBy,
                          Status status) {

    public enum Status {
        SUPERSEDED,
        CURRENT,
        UPCOMING
    }

    public boolean editable() {
        return status != Status.SUPERSEDED;
    }
}
