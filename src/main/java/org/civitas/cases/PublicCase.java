package org.civitas.cases;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A case as its complainant (or the channel that filed it) may see it: no clerk names, no internal notes, no
 * complainant data. {@code reply} is the unit's reply once there is one; {@code rateable} says the one-time rating
 * is open. {@code trackingCode} is the complainant's secret for the public tracking page: the reporter and the
 * channel that filed the case are shown it (null on cases registered before codes existed).
 */
public record PublicCase(long id, String number, Channel channel, String channelRef, CaseStatus status,
                         LocalDateTime receivedAt, String itemCode, String districtCode, String streetCode,
                         String address, String description, String leadUnitCode, LocalDateTime handleDueAt,
                         String reply, LocalDateTime repliedAt, Rating rating, boolean rateable,
                         List<Step> steps, String trackingCode) {

    /** One public step of the timeline: when, what, and the state it led to. */
    public record Step(LocalDateTime at, CaseAction action, CaseStatus status) {
    }
}
