package org.civitas.inspection;

/** A stop of a planned round in visiting order, with the figures that chose it and what the visit found. */
public record CheckpointRow(long id, long roundId, int seq, String districtCode, String streetCode, String place,
                            boolean cell, Double latitude, Double longitude, String itemCode, String itemName,
                            int count, int repeatComplainants, int dissatisfied, int overdue, int rising, int score,
                            String pastNotices, CheckpointState state, Long findingId) {
}
