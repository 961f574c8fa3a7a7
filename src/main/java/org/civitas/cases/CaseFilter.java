package org.civitas.cases;

import java.time.LocalDate;
import java.util.Set;

/** The inbox filters (诉求工单). Null or empty means "any". */
public record CaseFilter(Set<CaseStatus> statuses, String categoryCode, String itemCode, String leadUnitCode,
                         String districtCode, String streetCode, Channel channel, String urgency,
                         LocalDate receivedFrom, LocalDate receivedTo, boolean overdue, boolean dueSoon,
                         String number, String phone) {

    public static CaseFilter any() {
        return new CaseFilter(Set.of(), null, null, null, null, null, null, null, null, null, false, false, null,
                null);
    }

    public CaseFilter withStatuses(Set<CaseStatus> s) {
        return new CaseFilter(s, categoryCode, itemCode, leadUnitCode, districtCode, streetCode, channel, urgency,
                receivedFrom, receivedTo, overdue, dueSoon, number, phone);
    }

    public CaseFilter withLeadUnit(String unit) {
        return new CaseFilter(statuses, categoryCode, itemCode, unit, districtCode, streetCode, channel, urgency,
                receivedFrom, receivedTo, overdue, dueSoon, number, phone);
    }
}
