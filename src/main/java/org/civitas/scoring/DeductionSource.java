package org.civitas.scoring;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Facts that cost a unit points in the monthly score and come from outside the case table: rectification notices
 * not met (inspections), and later others. Implemented as Spring beans by the feature that owns the facts; the
 * scoring reads every source for a month and prices each fact by the month's rules ({@link DeductionFact#kind()}).
 */
public interface DeductionSource {

    /** The facts that happened in {@code [from, to)}: the unit they count against, with a traceable reference. */
    List<DeductionFact> facts(LocalDateTime from, LocalDateTime to);
}
