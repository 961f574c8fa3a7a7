package org.civitas.security;

import java.time.LocalDateTime;
import java.util.Set;

/** What the user grid and the audit log see of a user: never the password hash. */
public record UserRow(Long id, String username, String displayName, Set<String> roles, String unitCode, String email,
                      boolean enabled, LocalDateTime passwordChangedAt, long version) {
}
