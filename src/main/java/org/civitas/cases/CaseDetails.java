package org.civitas.cases;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Set;

/**
 * Everything the case view shows, as the current user may see it: {@code complainantName} and
 * {@code complainantPhone} are already masked for users who may not see them. {@code trackingCode} is set only in
 * the answer to a registration (the operator reads it to the caller); the complainant's secret is not shown to
 * staff afterwards.
 */
public record CaseDetails(long id, String number, long version, Channel channel, String channelRef,
                          LocalDateTime receivedAt, String complainantName, String complainantPhone,
                          boolean anonymous, boolean complainantMasked, String districtCode, String streetCode,
                          String address, BigDecimal latitude, BigDecimal longitude, String description,
                          String mediaUrl, Long listItemId, Long listVersionId, String itemCode, String categoryCode, String urgency,
                          String leadUnitCode, String handlingUnitCode, Set<String> coUnitCodes, CaseStatus status,
                          LocalDateTime dispatchedAt, LocalDateTime signedAt, LocalDateTime repliedAt,
                          LocalDateTime closedAt, LocalDateTime signDueAt, LocalDateTime handleDueAt,
                          LocalDateTime warnAt, Boolean signedOnTime, Boolean repliedOnTime,
                          ReplyOutcome replyOutcome, String replyText, boolean replyAccepted, Rating rating,
                          Boolean solved, CloseReason closeReason, String closeNote, int reopenCount,
                          Long masterCaseId, boolean overdue, String trackingCode) {

    public CaseRef ref() {
        return new CaseRef(id, version);
    }
}
