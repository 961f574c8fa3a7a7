package org.civitas.base.identity;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is acting, as services see it: the name for history and audit, the unit for scoping queries. */
@Component
public class CurrentUser {

    public static final String SYSTEM = "system";

    public String username() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? SYSTEM : auth.getName();
    }

    public Optional<CivitasUserDetails> details() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CivitasUserDetails d ? Optional.of(d) : Optional.empty();
    }

    public Optional<String> unitCode() {
        return details().map(CivitasUserDetails::getUnitCode);
    }

    public String displayName() {
        return details().map(CivitasUserDetails::getDisplayName).orElse(username());
    }

    public boolean hasRole(String role) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return false;
        }
        String authority = "ROLE_" + role;
        for (GrantedAuthority a : auth.getAuthorities()) {
            if (authority.equals(a.getAuthority())) {
                return true;
            }
        }
        return false;
    }
}
