package org.civitas.catalog;

/** Filters of the item grid; null or blank means "any". The text matches code, name or description. */
public record ItemFilter(Long versionId, String categoryCode, Urgency urgency, Responsibility responsibility,
                         String text) {

    public static ItemFilter ofVersion(long versionId) {
        return new ItemFilter(versionId, null, null, null, null);
    }
}
