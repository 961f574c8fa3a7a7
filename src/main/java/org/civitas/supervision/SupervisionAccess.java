package org.civitas.supervision;

import java.util.Optional;
import org.civitas.base.identity.AppRoles;
import org.civitas.base.identity.CurrentUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** Whose orders and board a user sees: the city office everything, a unit clerk or unit leader their unit. */
@Component
class SupervisionAccess {

    private final CurrentUser user;

    SupervisionAccess(CurrentUser user) {
        this.user = user;
    }

    /** The unit the current user is confined to, or empty for city-wide users (the rule of the case inbox). */
    Optional<String> scopedUnit() {
        if (user.hasRole(AppRoles.SUPERVISOR) || user.hasRole(AppRoles.OPERATOR) || user.hasRole(AppRoles.INSPECTOR)) {
            return Optional.empty();
        }
        Optional<String> unit = user.unitCode();
        if (user.hasRole(AppRoles.UNIT_CLERK)) {
            // a clerk without a unit sees nothing rather than everything
            return Optional.of(unit.orElse("-"));
        }
        return unit;
    }

    /** The unit a clerk answers for; a clerk without one may answer nothing. */
    String clerkUnit() {
        return user.unitCode().orElseThrow(() -> new AccessDeniedException(user.username() + " has no unit"));
    }

    String actor() {
        return user.username();
    }
}
