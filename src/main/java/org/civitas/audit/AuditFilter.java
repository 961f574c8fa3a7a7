package org.civitas.audit;

import java.time.LocalDate;

public record AuditFilter(String actor, String action, LocalDate from, LocalDate to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null);
    }
}
