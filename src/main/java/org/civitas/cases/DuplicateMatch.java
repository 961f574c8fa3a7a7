package org.civitas.cases;

import java.util.List;

/** A possible duplicate of a report: the open case, how alike the two are (0–100) and why. */
public record DuplicateMatch(CaseDetails details, int score, List<DuplicateReason> reasons) {
}
