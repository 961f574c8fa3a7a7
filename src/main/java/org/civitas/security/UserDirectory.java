package org.civitas.security;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
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
    private final JdbcTemplate jdbc;

    UserDirectory(AppUserRepository users, JdbcTemplate jdbc) {
        this.users = users;
        this.jdbc = jdbc;
    }

    /**
     * One SQL query, no entities: every dispatch and every deadline warning asks it (docs/benchmarks.md, intake);
     * loading the users as entities cost one more query per user for their roles.
     */
    @PreAuthorize("permitAll()")
    public List<Recipient> withRoleInUnit(String role, String unitCode) {
        return jdbc.query("""
                select u.username, u.display_name, u.email from app_user u
                join app_user_role r on r.user_id = u.id and r.role = ?
                where u.enabled and u.unit_code = ? order by u.id""",
                (rs, i) -> new Recipient(rs.getString(1), rs.getString(2), rs.getString(3)), role, unitCode);
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<Recipient> withRole(String role) {
        return users.findActiveByRole(role).stream()
                .map(u -> new Recipient(u.getUsername(), u.getDisplayName(), u.getEmail())).toList();
    }
}
