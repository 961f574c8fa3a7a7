package org.civitas.cases.lifecycle;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.civitas.base.identity.AppRoles;
import org.civitas.base.identity.CurrentUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see which case. City-wide roles see every case; a unit clerk or a unit leader only the cases their unit
 * leads, handles (a street) or co-handles. The inbox applies the same rule inside its query. Who may act on a case
 * is {@link CasePolicy}'s rule; this class tells it who the current user is.
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

    /** The current user as {@link CasePolicy} sees them: their roles and their unit. */
    CasePolicy.Actor policyActor() {
        Set<String> roles = AppRoles.ALL.stream().filter(user::hasRole).collect(Collectors.toSet());
        return new CasePolicy.Actor(roles, user.unitCode().orElse(null));
    }

    /** Only the intake operator sees the complainant in full; everyone else sees a mask until a reveal. */
    boolean seesComplainant() {
        return user.hasRole(AppRoles.OPERATOR);
    }

    String actor() {
        return user.username();
    }
}
