package org.civitas.cases.ui.caseview;

import java.time.LocalDateTime;
import java.util.List;
import org.civitas.cases.photos.PhotoUpload;
import org.civitas.cases.Rating;
import org.civitas.cases.ReplyOutcome;

/**
 * What the user entered in an action dialog; each action reads the values it needs. {@code note} is the action's
 * text: the reply, the reason or the remark. {@code unitCode} is the chosen unit or street.
 */
record CaseActionInput(String note, String legalBasis, String itemCode, String districtCode, String streetCode,
                       String unitCode, ReplyOutcome outcome, List<PhotoUpload> photos, Long requestId,
                       LocalDateTime newDue, Rating rating, boolean solved, String masterNumber) {
}
