package org.civitas.supervision;

/**
 * The overdue rectification notices the deadline board shows beside the cases. The inspection feature answers it:
 * inspection sits above supervision (its notices are handed over to supervision), so the board asks through this
 * interface rather than through the inspection service (docs/decisions/DD002-packages-by-feature.md).
 */
public interface OverdueNotices {

    /** How many notices are overdue, as far as the signed-in user may see them (a clerk: their unit's). */
    long overdueCount();
}
