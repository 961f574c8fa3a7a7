package org.civitas.cases.duplicates;

/**
 * One reason the finder gives for a possible duplicate, shown to the operator as {@code "DuplicateReason." + kind}
 * with {@code value} (a percentage or metres; 0 where the reason has none).
 */
public record DuplicateReason(Kind kind, int value) {

    public enum Kind {
        SAME_ITEM, SAME_CATEGORY, SAME_ADDRESS, SIMILAR_ADDRESS, DISTANCE, SIMILAR_DESCRIPTION
    }

    public String labelKey() {
        return "DuplicateReason." + kind.name();
    }
}
