package org.civitas.cases.inbox;

/**
 * How many cases an inbox filter holds: counted exactly up to {@link CaseQueries#COUNT_CAP}; beyond it only
 * estimated (the optimizer's row estimate, never less than the cap), for the grid's scrollbar and an "约" total.
 */
public record InboxTotal(long count, boolean exact) {
}
