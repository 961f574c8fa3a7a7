package org.civitas.supervision;

/** What one run of the deadline sweep did: cases newly warned, newly overdue (each got a reminder), supervised. */
public record SweepResult(int warned, int overdue, int supervised, long millis) {
}
