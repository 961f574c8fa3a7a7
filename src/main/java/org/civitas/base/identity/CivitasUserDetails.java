package org.civitas.base.identity;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The logged-in user, with the unit that scopes a clerk's or unit leader's queries. */
public class CivitasUserDetails extends User {

    private final String displayName;
    private final String unitCode;

    public CivitasUserDetails(String username, String password, boolean enabled, boolean nonLocked,
                       Collection<? extends GrantedAuthority> authorities, String displayName, String unitCode) {
        super(username, password, enabled, true, true, nonLocked, authorities);
        this.displayName = displayName;
        this.unitCode = unitCode;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getUnitCode() {
        return unitCode;
    }
}
