package org.civitas.cases.lifecycle;

import java.time.LocalDateTime;
import java.util.Set;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.PhoneMask;

final class CaseMapper {

    private CaseMapper() {
    }

    static CaseDetails details(CaseFile c, boolean seesComplainant, LocalDateTime now) {
        return details(c, seesComplainant, now, false);
    }

    /** {@code withTrackingCode}: the registration's answer, the one place staff see the complainant's code. */
    static CaseDetails details(CaseFile c, boolean seesComplainant, LocalDateTime now, boolean withTrackingCode) {
        boolean masked = !seesComplainant;
        return new CaseDetails(c.getId(), c.getNumber(), c.getVersion(), c.getChannel(), c.getChannelRef(),
                c.getReceivedAt(), masked ? null : c.getComplainantName(),
                masked ? PhoneMask.mask(c.getComplainantPhone()) : c.getComplainantPhone(), c.isAnonymous(), masked,
                c.getDistrictCode(), c.getStreetCode(), c.getAddress(),
                // a street's or district's centre (approximate) is for the map, not a reported point
                c.isLocationApproximate() ? null : c.getLatitude(), c.isLocationApproximate() ? null : c.getLongitude(),
                c.getDescription(), c.getMediaUrl(), c.getListItemId(), c.getListVersionId(), c.getItemCode(), c.getCategoryCode(),
                c.getUrgency(), c.getLeadUnitCode(), c.getHandlingUnitCode(), Set.copyOf(c.getCoUnitCodes()),
                c.getStatus(), c.getDispatchedAt(), c.getSignedAt(), c.getRepliedAt(), c.getClosedAt(),
                c.getSignDueAt(), c.getHandleDueAt(), c.getWarnAt(), c.getSignedOnTime(), c.getRepliedOnTime(),
                c.getReplyOutcome(), c.getReplyText(), c.isReplyAccepted(), c.getRating(), c.getSolved(),
                c.getCloseReason(), c.getCloseNote(), c.getReopenCount(), c.getMasterCaseId(), c.isOverdue(now),
                withTrackingCode ? c.getTrackingCode() : null);
    }
}
