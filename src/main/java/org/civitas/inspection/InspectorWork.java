package org.civitas.inspection;

/**
 * An inspector's own work for the home page: their rounds not yet over, and the open notices of their rounds due by
 * the end of this week or already overdue, and those answered and waiting for the re-inspection.
 */
public record InspectorWork(long openRounds, long dueThisWeek, long overdue, long awaitingReinspection) {
}
