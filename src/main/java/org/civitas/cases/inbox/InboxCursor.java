package org.civitas.cases.inbox;

import java.time.LocalDateTime;
import org.civitas.cases.CaseStatus;

/**
 * A position in an inbox order ({@link InboxOrder}: a column, then the id; in the state order the state's rank
 * before the deadline). The next page starts after it, so a page deep in the list costs what the first page costs
 * (keyset paging, no OFFSET).
 */
public record InboxCursor(LocalDateTime handleDueAt, long id, CaseStatus status, LocalDateTime receivedAt,
                          String number) {

    /** A position in deadline order. */
    public InboxCursor(LocalDateTime handleDueAt, long id) {
        this(handleDueAt, id, null, null, null);
    }
}
