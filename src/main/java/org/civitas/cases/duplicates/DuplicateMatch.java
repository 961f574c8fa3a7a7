package org.civitas.cases.duplicates;

import java.util.List;
import org.civitas.cases.CaseDetails;

/** A possible duplicate of a report: the open case, how alike the two are (0–100) and why. */
public record DuplicateMatch(CaseDetails details, int score, List<DuplicateReason> reasons) {
}
