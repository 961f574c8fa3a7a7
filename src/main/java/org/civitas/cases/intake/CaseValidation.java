package org.civitas.cases.intake;

import java.math.BigDecimal;
import org.civitas.base.RuleViolation;
import org.civitas.catalog.CatalogService;
import org.civitas.catalog.UnitKind;
import org.civitas.catalog.UnitView;

/** What a report must hold before anything is stored. Every refusal names its field in the user's language. */
public final class CaseValidation {

    private CaseValidation() {
    }

    /** Open311's limit on a description (GeoReport v2: "limited to 4,000 characters"), on every path. */
    static final int MAX_DESCRIPTION = CaseLimits.DESCRIPTION;
    static final int MAX_MEDIA_URL = CaseLimits.MEDIA_URL;

    /** An http(s) link without spaces or characters that could leave an attribute; shown as a link, never fetched. */
    static boolean mediaUrl(String url) {
        return url.length() <= MAX_MEDIA_URL && url.matches("(?i)https?://[^\\s<>\"'`\\\\]+");
    }

    static boolean validPhone(String phone) {
        return PhoneNumbers.valid(phone);
    }

    public static void check(NewCase r, CatalogService catalog) {
        if (r.channel() == null) {
            throw new RuleViolation("case.error.channelRequired");
        }
        if (r.channelRef() != null && r.channelRef().length() > 64) {
            throw new RuleViolation("case.error.channelRefTooLong");
        }
        for (String text : new String[] {r.complainantName(), r.address(), r.description(), r.channelRef()}) {
            if (!printable(text)) {
                throw new RuleViolation("case.error.characters");
            }
        }
        if (blank(r.description()) || r.description().length() > MAX_DESCRIPTION) {
            throw new RuleViolation("case.error.description");
        }
        if (r.mediaUrl() != null && !mediaUrl(r.mediaUrl())) {
            throw new RuleViolation("case.error.mediaUrl", MAX_MEDIA_URL);
        }
        if (blank(r.address()) || r.address().length() > 200) {
            throw new RuleViolation("case.error.address");
        }
        if (!r.anonymous() && !validPhone(r.complainantPhone())) {
            throw new RuleViolation("case.error.phone");
        }
        if (r.anonymous() && r.complainantPhone() != null && !r.complainantPhone().isBlank()
                && !validPhone(r.complainantPhone())) {
            throw new RuleViolation("case.error.phone");
        }
        if (r.complainantName() != null && r.complainantName().length() > 64) {
            throw new RuleViolation("case.error.name");
        }
        if (!blank(r.districtCode())) {
            UnitView district = catalog.unit(r.districtCode())
                    .filter(u -> u.kind() == UnitKind.DISTRICT)
                    .orElseThrow(() -> new RuleViolation("case.error.district", r.districtCode()));
            if (!blank(r.streetCode())) {
                catalog.unit(r.streetCode())
                        .filter(u -> u.kind() == UnitKind.STREET && district.code().equals(u.parentCode()))
                        .orElseThrow(() -> new RuleViolation("case.error.street", r.streetCode()));
            }
        } else if (!blank(r.streetCode())) {
            throw new RuleViolation("case.error.street", r.streetCode());
        }
        checkCoordinate(r.latitude(), 90);
        checkCoordinate(r.longitude(), 180);
    }

    private static void checkCoordinate(BigDecimal value, int limit) {
        if (value != null && value.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
            throw new RuleViolation("case.error.coordinates");
        }
    }

    /**
     * Text a person could have typed: no control characters but line breaks and tabs, no half of a surrogate pair,
     * no non-characters. Anything else would be stored changed (or not at all) and is refused instead.
     */
    static boolean printable(String s) {
        if (s == null) {
            return true;
        }
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isSurrogate((char) cp) || (Character.getType(cp) == Character.CONTROL
                    && cp != '\n' && cp != '\r' && cp != '\t') || (cp & 0xFFFE) == 0xFFFE
                    || (cp >= 0xFDD0 && cp <= 0xFDEF)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
