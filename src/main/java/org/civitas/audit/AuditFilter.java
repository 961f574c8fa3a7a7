package org.civitas.audit;

import java.time.LocalDate;
import java.util.Set;

/**
 * What the auditor looks for; every part may be empty (null). {@code actor} is a login, {@code actions} are action
 * codes (any of them), {@code targetType} and {@code targetId} name the object, {@code from} and {@code to} are days,
 * both included.
 */
public record AuditFilter(String actor, Set<String> actions, String targetType, String targetId, LocalDate from,
                          LocalDate to) {

    public AuditFilter {
        actions = actions == null ? Set.of() : Set.copyOf(actions);
    }

    /** One action or none. */
    public AuditFilter(String actor, String action, LocalDate from, LocalDate to) {
        this(actor, action == null || action.isBlank() ? Set.of() : Set.of(action.strip()), null, null, from, to);
    }

    public static AuditFilter none() {
        return new AuditFilter(null, Set.of(), null, null, null, null);
    }
}
