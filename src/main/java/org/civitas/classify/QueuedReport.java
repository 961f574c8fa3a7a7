package org.civitas.classify;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A case waiting in the classification queue with what the classifier suggested for it (DD051): its number, when it
 * came in, through which channel, its text and district, the three suggestions and the emergency words found
 * ({@code emergency}: a person must look at it first).
 */
public record QueuedReport(long caseId, String number, LocalDateTime receivedAt, String channel, String description,
                           String districtCode, List<Suggestion> suggestions, List<String> emergencyWords) {

    public boolean emergency() {
        return !emergencyWords.isEmpty();
    }
}
