package org.civitas.security;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who works where, for notifications: read by background jobs without a logged-in user, so open to all callers;
 * it returns names and e-mail addresses of active users only, never credentials.
 */
@Service
public class UserDirectory {

    private final AppUserRepository users;

    UserDirectory(AppUserRepository users) {
        this.users = users;
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<Recipient> withRoleInUnit(String role, String unitCode) {
        return users.findActiveByRoleAndUnit(role, unitCode).stream()
                .map(u -> new Recipient(u.getUsername(), u.getDisplayName(), u.getEmail())).toList();
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<Recipient> withRole(String role) {
        return users.findActiveByRole(role).stream()
                .map(u -> new Recipient(u.getUsername(), u.getDisplayName(), u.getEmail())).toList();
    }
}
