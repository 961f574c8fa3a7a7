package org.civitas.classify;

import java.time.LocalDateTime;

/**
 * Whether the system classifies and dispatches a channel report without an item alone, and how sure it must be:
 * the best item's score at least {@code threshold}, the district at least {@code placeThreshold} (DD051). Who
 * changed it last and when (null: never changed since installation).
 */
public record AutoDispatchSettings(boolean enabled, double threshold, double placeThreshold, LocalDateTime updatedAt,
                                   String updatedBy) {

    public static final double MIN = 0.5;
    public static final double MAX = 1.0;
}
