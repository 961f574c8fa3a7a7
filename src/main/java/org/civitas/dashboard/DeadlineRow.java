package org.civitas.dashboard;

import java.time.LocalDateTime;
import org.civitas.cases.CaseStatus;

/** An open case on the dashboard's list of nearest deadlines. */
public record DeadlineRow(long id, String number, CaseStatus status, String itemCode, String itemName, String urgency,
                          String leadUnitCode, String handlingUnitCode, LocalDateTime handleDueAt,
                          LocalDateTime warnAt) {

    public boolean overdue(LocalDateTime now) {
        return now.isAfter(handleDueAt);
    }

    public boolean inWarning(LocalDateTime now) {
        return !overdue(now) && warnAt != null && !now.isBefore(warnAt);
    }
}
