package org.civitas.cases;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The states of docs/design.md §4, stored by name. */
public enum CaseStatus {
    REGISTERED, DISPATCHED, IN_PROGRESS, RETURN_REQUESTED, REPLIED, CLOSED, INVALID, MERGED;

    /** Open cases count against their unit's deadline: everything a unit still owes an answer on. */
    public static final Set<CaseStatus> AWAITING_UNIT = EnumSet.of(DISPATCHED, IN_PROGRESS, RETURN_REQUESTED);
    public static final Set<CaseStatus> FINAL = EnumSet.of(CLOSED, INVALID, MERGED);
    /** {@link #AWAITING_UNIT} as SQL, for {@code status in}: {@link #sqlList} of it. */
    public static final String AWAITING_UNIT_SQL = sqlList(AWAITING_UNIT);

    /**
     * The states as an SQL list for {@code in (...)}, in the enum's order: {@code ('A','B')}. The names are the enum's
     * own, never input, so the list may be written into the query's text.
     */
    public static String sqlList(Set<CaseStatus> states) {
        if (states.isEmpty()) {
            throw new IllegalArgumentException("SQL has no empty IN list");
        }
        return EnumSet.copyOf(states).stream().map(s -> "'" + s.name() + "'")
                .collect(Collectors.joining(",", "(", ")"));
    }

    public boolean isFinal() {
        return FINAL.contains(this);
    }

    public String labelKey() {
        return "CaseStatus." + name();
    }
}
