package org.civitas.security;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.civitas.base.identity.AppRoles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The account rules of 等保 2.0 level 3, as properties: password age by role, the password history, who needs a
 * second factor, and what the demo users are spared.
 */
@Component
class AccountPolicy {

    /** Administrators change their password more often and need TOTP. */
    static final Set<String> ADMINISTRATORS = Set.of(AppRoles.ADMIN, AppRoles.SECURITY_ADMIN);
    static final Set<String> TOTP_ROLES = Set.of(AppRoles.ADMIN, AppRoles.SECURITY_ADMIN, AppRoles.LEADER);

    private Duration adminMaxAge;
    private Duration maxAge;
    private int history;
    private boolean demoForcePasswordChange;
    private boolean demoRequireTotp;

    AccountPolicy(@Value("${civitas.security.password-max-age-admin-days:90}") long adminDays,
                  @Value("${civitas.security.password-max-age-days:180}") long days,
                  @Value("${civitas.security.password-history:5}") int history,
                  @Value("${civitas.demo.force-password-change:false}") boolean demoForcePasswordChange,
                  @Value("${civitas.demo.require-totp:false}") boolean demoRequireTotp) {
        this.adminMaxAge = Duration.ofDays(adminDays);
        this.maxAge = Duration.ofDays(days);
        this.history = history;
        this.demoForcePasswordChange = demoForcePasswordChange;
        this.demoRequireTotp = demoRequireTotp;
    }

    /** The steps a user must take after a correct password, in order. */
    List<LoginStep> stepsAfterPassword(AppUser user, LocalDateTime now) {
        EnumSet<LoginStep> steps = EnumSet.noneOf(LoginStep.class);
        if (passwordChangeDue(user, now)) {
            steps.add(LoginStep.PASSWORD);
        }
        if (totpRequired(user)) {
            steps.add(user.isTotpEnabled() ? LoginStep.TOTP : LoginStep.TOTP_ENROL);
        }
        return List.copyOf(steps);
    }

    boolean passwordChangeDue(AppUser user, LocalDateTime now) {
        if (user.isDemo() && !demoForcePasswordChange) {
            return false;
        }
        Duration age = user.hasAnyRole(ADMINISTRATORS) ? adminMaxAge : maxAge;
        return user.isMustChangePassword() || !user.getPasswordChangedAt().plus(age).isAfter(now);
    }

    boolean totpRequired(AppUser user) {
        return user.hasAnyRole(TOTP_ROLES) && !(user.isDemo() && !demoRequireTotp);
    }

    int history() {
        return history;
    }

    // tests switch the demo exemptions on the shared context and back
    void setDemoForcePasswordChange(boolean value) { this.demoForcePasswordChange = value; }
    void setDemoRequireTotp(boolean value) { this.demoRequireTotp = value; }
    boolean demoForcePasswordChange() { return demoForcePasswordChange; }
    boolean demoRequireTotp() { return demoRequireTotp; }
}
