package org.civitas.dashboard;

/**
 * The open cases in the user's scope, by what they wait for. {@code overdue} and {@code inWarning} cut across the
 * three states a unit still owes an answer in (to sign, in progress, return requested).
 */
public record QueueCounts(long toSign, long inProgress, long returnRequested, long awaitingRating, long overdue,
                          long inWarning) {
}
