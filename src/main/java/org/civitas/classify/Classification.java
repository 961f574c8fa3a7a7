package org.civitas.classify;

import java.util.List;
import org.civitas.catalog.Urgency;

/**
 * What the classifier read in a report: the best items (best first), the place, the emergency words it found and the
 * model version that answered (0: no trained model yet, the list alone).
 */
public record Classification(List<Suggestion> items, Place place, List<String> emergencyWords, long modelVersion) {

    /** Words of an emergency in the text: the report goes to a person at once, flagged (DD050). */
    public boolean emergencyFlag() {
        return !emergencyWords.isEmpty();
    }

    /**
     * Whether the system may classify and dispatch the report alone: the best item is at least {@code threshold}
     * sure, the district is recognised, and an emergency-looking text is never dispatched as a non-emergency item.
     */
    public boolean autoDispatchable(double threshold, double placeThreshold) {
        if (items.isEmpty() || !place.recognised() || place.confidence() < placeThreshold) {
            return false;
        }
        Suggestion best = items.get(0);
        if (emergencyFlag() && best.urgency() != Urgency.EMERGENCY) {
            return false;
        }
        return best.score() >= threshold;
    }
}
