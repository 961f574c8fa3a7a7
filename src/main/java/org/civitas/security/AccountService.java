package org.civitas.security;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.OptionalLong;
import org.civitas.audit.AuditEvent;
import org.civitas.base.RuleViolation;
import org.civitas.base.identity.AppRoles;
import org.civitas.base.identity.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in user's own account: their password and their second factor. Open to any authenticated user, also
 * one who has login steps left ({@link LoginStep}); every other service needs a role such a user does not hold yet.
 */
@Service
public class AccountService {

    static final String ISSUER = "Civitas";

    private final AppUserRepository users;
    private final PasswordEncoder encoder;
    private final PasswordHistory history;
    private final TotpCipher cipher;
    private final LoginSteps steps;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LoginThrottle throttle;

    AccountService(AppUserRepository users, PasswordEncoder encoder, PasswordHistory history, TotpCipher cipher,
                   LoginSteps steps, CurrentUser currentUser, ApplicationEventPublisher events, Clock clock,
                   LoginThrottle throttle) {
        this.throttle = throttle;
        this.users = users;
        this.encoder = encoder;
        this.history = history;
        this.cipher = cipher;
        this.steps = steps;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** Changes the own password: the current one must be right, the new one follow the policy and be new. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void changePassword(String currentPassword, String newPassword) {
        requireTotpDone();
        AppUser user = me();
        if (currentPassword == null || !encoder.matches(currentPassword, user.getPasswordHash())) {
            throw new RuleViolation("account.error.currentPassword");
        }
        PasswordPolicy.check(newPassword, user.getUsername(), user.getDisplayName())
                .ifPresent(key -> { throw new RuleViolation(key); });
        if (history.reused(user, newPassword)) {
            throw new RuleViolation("account.error.reused", history.size());
        }
        LocalDateTime now = LocalDateTime.now(clock);
        history.remember(user, now);
        user.changePassword(encoder.encode(newPassword), now);
        user.setMustChangePassword(false);
        users.save(user);
        events.publishEvent(AuditEvent.of(user.getUsername(), "PASSWORD_CHANGED", null));
        steps.done(LoginStep.PASSWORD);
    }

    /** A new secret for the own account; it counts once {@link #confirmTotp} accepts a code made from it. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public TotpEnrolment startTotpEnrolment() {
        requireTotpDone();
        AppUser user = me();
        byte[] secret = Totp.newSecret();
        user.startTotpEnrolment(cipher.encrypt(secret));
        users.save(user);
        return new TotpEnrolment(Totp.base32(secret), Totp.otpauthUri(ISSUER, user.getUsername(), secret));
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(noRollbackFor = RuleViolation.class)
    public void confirmTotp(String code) {
        requireTotpDone();
        AppUser user = me();
        if (user.getTotpSecret() == null || user.isTotpEnabled()) {
            throw new RuleViolation("totp.error.noEnrolment");
        }
        long step = check(user, code);
        user.confirmTotp(step);
        users.save(user);
        events.publishEvent(AuditEvent.of(user.getUsername(), "TOTP_ENROLLED", null));
        steps.done(LoginStep.TOTP_ENROL, LoginStep.TOTP);
    }

    /** The second step of a login. A wrong, old or already used code is refused and audited. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(noRollbackFor = RuleViolation.class)
    public void verifyTotp(String code) {
        AppUser user = me();
        if (!user.isTotpEnabled()) {
            throw new RuleViolation("totp.error.noEnrolment");
        }
        user.setTotpLastStep(check(user, code));
        users.save(user);
        events.publishEvent(AuditEvent.of(user.getUsername(), "TOTP_VERIFIED", null));
        steps.done(LoginStep.TOTP);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean totpEnabled() {
        return me().isTotpEnabled();
    }

    /** 安全管理员: a user who lost their authenticator enrols again at the next login. */
    @PreAuthorize("hasRole('" + AppRoles.SECURITY_ADMIN + "')")
    @Transactional
    public void resetTotp(String username) {
        AppUser user = users.findByUsername(username).orElseThrow(() -> new RuleViolation("error.notFound"));
        user.resetTotp();
        users.save(user);
        events.publishEvent(AuditEvent.change(currentUser.username(), "TOTP_RESET", "app_user", user.getId(), null,
                null));
    }

    /** 安全管理员: lifts the waits that failed logins put on an account (accounts are never locked: DD021). */
    @PreAuthorize("hasRole('" + AppRoles.SECURITY_ADMIN + "')")
    @Transactional
    public void unlock(String username) {
        AppUser user = users.findByUsername(username).orElseThrow(() -> new RuleViolation("error.notFound"));
        throttle.forget(user.getUsername());
        events.publishEvent(AuditEvent.change(currentUser.username(), "USER_UNLOCKED", "app_user", user.getId(), null,
                null));
    }

    private long check(AppUser user, String code) {
        OptionalLong step = Totp.verify(cipher.decrypt(user.getTotpSecret()), code, clock.instant(),
                user.getTotpLastStep());
        if (step.isEmpty()) {
            events.publishEvent(AuditEvent.of(user.getUsername(), "TOTP_FAILED", null));
            throw new RuleViolation("totp.error.code");
        }
        return step.getAsLong();
    }

    /** With only the password given, the account's password and second factor stay as they are. */
    private void requireTotpDone() {
        if (LoginSteps.open(org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication()).contains(LoginStep.TOTP)) {
            throw new RuleViolation("totp.error.verifyFirst");
        }
    }

    private AppUser me() {
        return users.findByUsername(currentUser.username()).orElseThrow(() -> new RuleViolation("error.notFound"));
    }
}
