package org.civitas.catalog;

import java.util.Optional;
import java.util.function.Function;
import org.civitas.base.RuleViolation;

/**
 * Where a unit sits: a street under an active district, every other unit at the top; districts in one of the three
 * district peer groups, departments and enterprises in their own.
 */
final class UnitRules {

    static final String CODE = "[A-Z0-9_-]{2,16}";

    private UnitRules() {
    }

    /** The peer group the unit gets: the form's for a district, the kind's own otherwise. */
    static PeerGroup check(UnitForm form, Function<String, Optional<Unit>> units) {
        if (form.name() == null || form.name().isBlank() || form.name().trim().length() > 100) {
            throw new RuleViolation("unit.error.name");
        }
        if (form.kind() == null) {
            throw new RuleViolation("unit.error.kind");
        }
        String parent = form.parentCode() == null || form.parentCode().isBlank() ? null : form.parentCode().trim();
        if (form.kind() == UnitKind.STREET) {
            Unit district = parent == null ? null : units.apply(parent).orElse(null);
            if (district == null || district.getKind() != UnitKind.DISTRICT) {
                throw new RuleViolation("unit.error.streetNeedsDistrict");
            }
            if (!district.isActive()) {
                throw new RuleViolation("unit.error.parentInactive", district.getName());
            }
            return null;
        }
        if (parent != null) {
            throw new RuleViolation("unit.error.noParent");
        }
        return switch (form.kind()) {
            case DISTRICT -> {
                if (form.peerGroup() == null || !UnitKind.DISTRICT.peerGroups().contains(form.peerGroup())) {
                    throw new RuleViolation("unit.error.districtPeerGroup");
                }
                yield form.peerGroup();
            }
            case DEPARTMENT -> PeerGroup.DEPARTMENT;
            case ENTERPRISE -> PeerGroup.ENTERPRISE;
            case STREET -> throw new IllegalStateException();
        };
    }
}
