package org.civitas.cases.inbox;

import java.util.List;
import org.civitas.cases.CaseStatus;

/**
 * The orders of the inbox, each a keyset order of one column and the id (cases without a value first when
 * ascending, last when descending). {@link #STATE}: a unit's work first, cases to sign for (已派单) before those in
 * hand, each by deadline; only for a filter that keeps to open cases (whose positions are read per state anyway,
 * see {@link CaseQueries#page}), otherwise it is the deadline order.
 */
public enum InboxOrder {
    DEADLINE("handle_due_at", false), DEADLINE_DESC("handle_due_at", true), STATE("handle_due_at", false),
    RECEIVED("received_at", false), RECEIVED_DESC("received_at", true), NUMBER("number", false),
    NUMBER_DESC("number", true);

    /** The states in the order {@link #STATE} shows them; the final states never appear in it. */
    static final List<CaseStatus> STATE_RANK = List.of(CaseStatus.DISPATCHED, CaseStatus.IN_PROGRESS,
            CaseStatus.RETURN_REQUESTED, CaseStatus.REGISTERED, CaseStatus.REPLIED);

    final String column;
    final boolean descending;

    InboxOrder(String column, boolean descending) {
        this.column = column;
        this.descending = descending;
    }

    static int rank(CaseStatus s) {
        int i = STATE_RANK.indexOf(s);
        return i < 0 ? STATE_RANK.size() : i;
    }

    /** The order by {@code column} ("deadline", "received", "number"), or null for another name. */
    public static InboxOrder by(String column, boolean descending) {
        return switch (column) {
            case "deadline" -> descending ? DEADLINE_DESC : DEADLINE;
            case "received" -> descending ? RECEIVED_DESC : RECEIVED;
            case "number" -> descending ? NUMBER_DESC : NUMBER;
            default -> null;
        };
    }

    /** The cursor's value of this order's column. */
    Object key(InboxCursor c) {
        return switch (column) {
            case "received_at" -> c.receivedAt();
            case "number" -> c.number();
            default -> c.handleDueAt();
        };
    }

    String direction() {
        return descending ? " desc" : "";
    }
}
