package org.civitas.security;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Set;
import org.civitas.audit.AuditEvent;
import org.civitas.base.RuleViolation;
import org.civitas.base.Snapshots;
import org.civitas.base.identity.AppRoles;
import org.civitas.base.identity.CurrentUser;
import org.civitas.catalog.CatalogService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users, their roles and units. Administrators only; every change is audited with before and after. */
@Service
@PreAuthorize("hasRole('" + AppRoles.ADMIN + "')")
public class UserService {

    private final AppUserRepository users;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final CatalogService catalog;
    private final LoginThrottle throttle;

    UserService(AppUserRepository users, PasswordEncoder encoder, ApplicationEventPublisher events,
                CurrentUser currentUser, Clock clock, CatalogService catalog, LoginThrottle throttle) {
        this.catalog = catalog;
        this.throttle = throttle;
        this.users = users;
        this.encoder = encoder;
        this.events = events;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Slice<UserRow> search(String text, String unitCode, Pageable page) {
        return users.search(blankToNull(text), blankToNull(unitCode), page).map(AppUser::toRow);
    }

    @Transactional
    public UserRow create(UserForm form) {
        String username = form.username() == null ? "" : form.username().trim();
        if (!username.matches("[A-Za-z0-9_.-]{3,64}")) {
            throw new RuleViolation("user.error.username");
        }
        if (users.existsByUsername(username)) {
            throw new RuleViolation("user.error.duplicate", username);
        }
        PasswordPolicy.check(form.password(), username, form.displayName())
                .ifPresent(key -> { throw new RuleViolation(key); });
        checkRoles(form.roles(), form.unitCode());
        checkUnit(form.unitCode());
        AppUser user = new AppUser(username, form.displayName().trim(), encoder.encode(form.password()), now());
        // a password an administrator chose is known to two people: the user replaces it at the first login
        user.setMustChangePassword(true);
        apply(user, form);
        UserRow after = users.save(user).toRow();
        audit("USER_CREATED", after.id(), null, after);
        return after;
    }

    @Transactional
    public UserRow update(long id, long expectedVersion, UserForm form) {
        AppUser user = load(id);
        if (user.getVersion() != expectedVersion) {
            throw new RuleViolation("error.concurrentChange");
        }
        checkRoles(form.roles(), form.unitCode());
        checkUnit(form.unitCode());
        UserRow before = user.toRow();
        apply(user, form);
        UserRow after = users.saveAndFlush(user).toRow();
        audit("USER_UPDATED", id, before, after);
        return after;
    }

    /** Lifts the waits that failed logins put on the account (accounts are never locked: DD021). */
    @Transactional
    public UserRow unlock(long id) {
        AppUser user = load(id);
        throttle.forget(user.getUsername());
        audit("USER_UNLOCKED", id, null, null);
        return user.toRow();
    }

    @Transactional
    public void resetPassword(long id, String newPassword) {
        AppUser user = load(id);
        PasswordPolicy.check(newPassword, user.getUsername(), user.getDisplayName())
                .ifPresent(key -> { throw new RuleViolation(key); });
        user.changePassword(encoder.encode(newPassword), now());
        user.setMustChangePassword(true);
        throttle.forget(user.getUsername());
        users.save(user);
        // the audit row names the reset, never the password or its hash
        audit("USER_PASSWORD_RESET", id, null, null);
    }

    private void apply(AppUser user, UserForm form) {
        if (form.displayName() == null || form.displayName().isBlank()) {
            throw new RuleViolation("user.error.displayName");
        }
        user.setDisplayName(form.displayName().trim());
        user.setRoles(form.roles());
        user.setUnitCode(blankToNull(form.unitCode()));
        String email = blankToNull(form.email());
        if (email != null && !email.matches("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+") || email != null && email.length() > 120) {
            throw new RuleViolation("user.error.email");
        }
        user.setEmail(email);
        user.setEnabled(form.enabled());
    }

    /** 三员: the system administrator, the security administrator and the auditor are three different people. */
    static final Set<String> SEPARATED = Set.of(AppRoles.ADMIN, AppRoles.SECURITY_ADMIN, AppRoles.AUDITOR);

    /**
     * A unit clerk belongs to one unit; the administrator, the security administrator and the auditor must be
     * different people (等保 separation of duties), and none reads case content, so none combines with another role.
     */
    static void checkRoles(Set<String> roles, String unitCode) {
        if (roles == null || roles.isEmpty()) {
            throw new RuleViolation("user.error.noRole");
        }
        if (!AppRoles.ALL.containsAll(roles)) {
            throw new RuleViolation("user.error.unknownRole");
        }
        if (roles.contains(AppRoles.UNIT_CLERK) && (unitCode == null || unitCode.isBlank())) {
            throw new RuleViolation("user.error.clerkNeedsUnit");
        }
        if (roles.stream().anyMatch(SEPARATED::contains) && roles.size() > 1) {
            throw new RuleViolation("user.error.separationOfDuties");
        }
    }

    private void checkUnit(String unitCode) {
        if (unitCode != null && !unitCode.isBlank() && catalog.unit(unitCode.trim()).isEmpty()) {
            throw new RuleViolation("user.error.unknownUnit", unitCode);
        }
    }

    private AppUser load(long id) {
        return users.findById(id).orElseThrow(() -> new RuleViolation("error.notFound"));
    }

    private void audit(String action, Long id, UserRow before, UserRow after) {
        events.publishEvent(AuditEvent.change(currentUser.username(), action, "app_user", id,
                Snapshots.json(before), Snapshots.json(after)));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
