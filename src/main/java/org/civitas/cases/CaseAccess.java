package org.civitas.cases;

import java.util.Optional;
import org.civitas.security.AppRoles;
import org.civitas.security.CurrentUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see and handle which case. City-wide roles see every case; a unit clerk or a unit leader only the cases
 * their unit leads, handles (a street) or co-handles. The inbox applies the same rule inside its query.
 */
@Component
class CaseAccess {

    private final CurrentUser user;

    CaseAccess(CurrentUser user) {
        this.user = user;
    }

    /** The unit the current user is confined to, or empty for city-wide users. */
    Optional<String> scopedUnit() {
        if (user.hasRole(AppRoles.SUPERVISOR) || user.hasRole(AppRoles.OPERATOR)
                || user.hasRole(AppRoles.INSPECTOR)) {
            return Optional.empty();
        }
        Optional<String> unit = user.unitCode();
        if (user.hasRole(AppRoles.UNIT_CLERK)) {
            // a clerk without a unit sees nothing rather than everything
            return Optional.of(unit.orElse("-"));
        }
        return unit;
    }

    void checkRead(CaseFile c) {
        scopedUnit().ifPresent(unit -> {
            if (!c.concerns(unit)) {
                throw new AccessDeniedException("case " + c.getNumber() + " is not a case of unit " + unit);
            }
        });
    }

    /** Sign, reply, ask for return or extension: the clerk of the lead unit or of the street handling it. */
    void checkHandle(CaseFile c) {
        String unit = user.unitCode().orElse(null);
        if (!user.hasRole(AppRoles.UNIT_CLERK) || unit == null
                || !(unit.equals(c.getLeadUnitCode()) || unit.equals(c.getHandlingUnitCode()))) {
            throw new AccessDeniedException("case " + c.getNumber() + " is not handled by " + unit);
        }
    }

    /** Only the intake operator sees the complainant in full; everyone else sees a mask until a reveal. */
    boolean seesComplainant() {
        return user.hasRole(AppRoles.OPERATOR);
    }

    boolean hasRole(String role) {
        return user.hasRole(role);
    }

    String actor() {
        return user.username();
    }

    Optional<String> actorUnit() {
        return user.unitCode();
    }
}
