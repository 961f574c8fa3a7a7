package org.civitas.cases.intake;

/** How long a report's texts may be, for the forms and the APIs to say the same as the checks. */
public final class CaseLimits {

    /** Characters of a description: Open311's limit (GeoReport v2: "limited to 4,000 characters"), everywhere. */
    public static final int DESCRIPTION = 4000;
    /** Characters of a media link (column {@code media_url VARCHAR(1000)}). */
    public static final int MEDIA_URL = 1000;

    private CaseLimits() {
    }
}
