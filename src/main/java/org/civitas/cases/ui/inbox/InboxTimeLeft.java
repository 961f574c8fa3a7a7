package org.civitas.cases.ui.inbox;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import org.civitas.cases.inbox.CaseRow;
import org.civitas.cases.CaseStatus;

/**
 * The time a unit has left on an open case, in the largest whole unit ("剩 2 小时"), or how long it is overdue
 * ("超 1 天"). Cases no longer waiting for their unit have none.
 */
record InboxTimeLeft(boolean overdue, String unit, long amount) {

    static Optional<InboxTimeLeft> of(CaseRow row, LocalDateTime now) {
        if (row.handleDueAt() == null || !CaseStatus.AWAITING_UNIT.contains(row.status())) {
            return Optional.empty();
        }
        Duration d = Duration.between(now, row.handleDueAt());
        boolean overdue = d.isNegative();
        d = d.abs();
        if (d.toHours() >= 24) {
            return Optional.of(new InboxTimeLeft(overdue, "days", d.toDays()));
        }
        if (d.toMinutes() >= 60) {
            return Optional.of(new InboxTimeLeft(overdue, "hours", d.toHours()));
        }
        return Optional.of(new InboxTimeLeft(overdue, "minutes", Math.max(1, d.toMinutes())));
    }

    /** e.g. {@code inbox.left.hours} or {@code inbox.overdueBy.days}, with {@link #amount} as its argument. */
    String key() {
        return (overdue ? "inbox.overdueBy." : "inbox.left.") + unit;
    }
}
