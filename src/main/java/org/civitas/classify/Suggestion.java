package org.civitas.classify;

import java.util.List;
import org.civitas.catalog.Urgency;

/** One list item the classifier proposes: its score in [0, 1] and the words that weighed most for it. */
public record Suggestion(String itemCode, String itemName, Urgency urgency, double score, List<String> words) {
}
