package org.civitas.security;

import java.util.Set;

/** What an administrator enters to create or edit a user; the password only on creation. */
public record UserForm(String username, String displayName, Set<String> roles, String unitCode, String email,
                       boolean enabled, String password) {
}
