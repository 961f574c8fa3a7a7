package org.civitas.scoring;

import java.time.LocalDateTime;

/**
 * One fact that costs a unit points. {@code kind} names the rule that prices it (for example
 * {@code RECTIFICATION_NOT_MET}); {@code reference} is what a user clicks through to (a notice or case number);
 * {@code at} is when it happened, which decides its month.
 */
public record DeductionFact(String unitCode, String kind, String reference, LocalDateTime at) {
}
