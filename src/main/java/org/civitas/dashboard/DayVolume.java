package org.civitas.dashboard;

import java.time.LocalDate;

/** Reports received and cases closed (办结) on one day. */
public record DayVolume(LocalDate day, long received, long closed) {
}
