package org.civitas.cases.inbox;

import java.time.LocalDateTime;
import org.civitas.cases.CaseStatus;
import org.civitas.cases.Channel;

/** One row of the inbox grid and of its Excel export; the phone is masked for users who may not see it. */
public record CaseRow(long id, String number, CaseStatus status, Channel channel, LocalDateTime receivedAt,
                      String categoryCode, String itemCode, String urgency, String districtCode, String streetCode,
                      String address, String leadUnitCode, String handlingUnitCode, LocalDateTime signDueAt,
                      LocalDateTime handleDueAt, LocalDateTime warnAt, String phone, int reopenCount) {

    public boolean overdue(LocalDateTime now) {
        return handleDueAt != null && CaseStatus.AWAITING_UNIT.contains(status) && now.isAfter(handleDueAt);
    }

    /** The keyset position of this row in any inbox order. */
    public InboxCursor cursor() {
        return new InboxCursor(handleDueAt, id, status, receivedAt, number);
    }
}
