package org.civitas.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** A holiday or make-up working day as the calendar view lists it and the audit log records it. */
public record CalendarDayRow(LocalDate date, DayKind kind, String name, DayOfWeek weekday) {
}
