package org.civitas.cases;

import java.time.LocalDateTime;
import java.util.Set;

/** A case went to a unit (dispatch, re-dispatch, approved return, reopen) with this handling deadline. */
public record CaseDispatched(long caseId, String number, String leadUnitCode, Set<String> coUnitCodes,
                             LocalDateTime handleDueAt) {
}
