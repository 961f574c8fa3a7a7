package org.civitas.calendar;

import java.time.LocalDateTime;

/** The three deadlines stored on a case row. */
public record Deadlines(LocalDateTime signDueAt, LocalDateTime handleDueAt, LocalDateTime warnAt) {

    public Deadlines {
        Require.notNull(signDueAt, "signDueAt");
        Require.notNull(handleDueAt, "handleDueAt");
        Require.notNull(warnAt, "warnAt");
    }
}
