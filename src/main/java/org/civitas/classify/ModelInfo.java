package org.civitas.classify;

import java.time.LocalDateTime;

/**
 * A trained model as the supervisor sees it: its version, when and by whom it was trained, on how many examples, its
 * size, its top-1 accuracy on the held-out slice (null when there were too few cases to hold any out) and whether
 * it is the one in service.
 */
public record ModelInfo(long version, LocalDateTime trainedAt, String trainedBy, long listVersionId, int examples,
                        int features, int sizeBytes, int heldOut, Double heldOutAccuracy, boolean active,
                        String note) {
}
