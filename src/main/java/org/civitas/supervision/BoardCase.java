package org.civitas.supervision;

import java.time.LocalDateTime;

/** One case on the deadline board: enough for a compact row and its countdown. */
public record BoardCase(long id, String number, String itemCode, String itemName, String urgency,
                        String leadUnitCode, String status, LocalDateTime handleDueAt) {
}
