package org.civitas.scoring;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** One priced fact against a unit: the case (or notice) it comes from, so every lost point can be traced. */
public record Deduction(String unitCode, DeductionKind kind, Long caseId, String reference, LocalDateTime at,
                        BigDecimal points) {
}
