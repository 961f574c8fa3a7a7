package org.civitas.cases;

import java.time.LocalDateTime;

/**
 * The city office decided on a unit's work: a reply sent back ({@code SEND_BACK}), an extension approved or refused,
 * a return refused ({@code REJECT_RETURN}; an approved return is a new {@link CaseDispatched}). Published inside
 * the deciding transaction, so the units' notices commit with the decision.
 */
public record CaseDecided(long caseId, String number, String leadUnitCode, CaseAction action, String note,
                          LocalDateTime handleDueAt) {
}
