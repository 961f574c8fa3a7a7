package org.civitas.dashboard;

/**
 * An operator's own work: the cases they registered today (business date), and the classification queue — cases
 * registered without an item or a place that wait to be classified and dispatched.
 */
public record OperatorWork(long registeredToday, long toClassify) {
}
