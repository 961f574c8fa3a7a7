package org.civitas.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a user must still do after the password before any other page or service opens. While steps remain, the
 * session's authentication carries only these markers (no role), so every {@code @RolesAllowed} view and every
 * {@code hasRole} service refuses; the views of the steps are {@code @PermitAll}.
 */
public enum LoginStep {
    /**
     * The TOTP code of this login; first, so that a stolen password alone can neither change the password nor bind
     * another authenticator.
     */
    TOTP("login/totp"),
    /** The password expired or was set by an administrator. */
    PASSWORD("account/password"),
    /** An administrator or leader without a TOTP enrolment. */
    TOTP_ENROL("account/totp");

    private final String route;

    LoginStep(String route) {
        this.route = route;
    }

    public String route() {
        return route;
    }

    public String authority() {
        return "STEP_" + name();
    }

    GrantedAuthority grantedAuthority() {
        return new SimpleGrantedAuthority(authority());
    }

    static java.util.Optional<LoginStep> of(String authority) {
        for (LoginStep s : values()) {
            if (s.authority().equals(authority)) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }
}
